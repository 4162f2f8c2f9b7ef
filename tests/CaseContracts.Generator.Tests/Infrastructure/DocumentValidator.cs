using System;
using System.Linq;
using System.Reflection;
using System.Text;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// One schema file generated, compiled and loaded: its validators' source and its whole-document validator, whose errors
/// read as <c>"/pointer keyword, …"</c> (empty when valid, <c>malformed</c> for text that is not JSON).
/// </summary>
internal sealed class DocumentValidator
{
    private readonly ValidateDocument _validate;

    private DocumentValidator(string source, ValidateDocument validate)
    {
        Source = source;
        _validate = validate;
    }

    private delegate object? ValidateDocument(ReadOnlySpan<byte> utf8Json, out string? malformed);

    /// <summary>The generated validator class of the file.</summary>
    public string Source { get; }

    /// <summary>Generates <paramref name="stem"/><c>.schema.json</c> holding <paramref name="schema"/> (asserting no warning) and loads it.</summary>
    public static DocumentValidator Compile(string stem, string schema)
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + stem + ".schema.json", schema)]);
        result.AssertCompilesWithoutWarnings();
        var validate = result.EmitAndLoad().GetType(GeneratorHarness.DefaultRootNamespace + ".SchemaValidators", throwOnError: true)!
            .GetMethod("ValidateDocument_" + stem, BindingFlags.Static | BindingFlags.NonPublic)!
            .CreateDelegate<ValidateDocument>();
        return new DocumentValidator(result.GeneratedSources.Single(s => s.Key.Contains("SchemaValidators." + stem, StringComparison.Ordinal)).Value, validate);
    }

    /// <summary>The errors of <paramref name="json"/>, as <c>"/pointer keyword"</c> joined by <c>", "</c>.</summary>
    public string Errors(string json)
    {
        var errors = (System.Collections.IEnumerable?)_validate(Encoding.UTF8.GetBytes(json), out var malformed);
        return malformed is not null ? "malformed"
            : string.Join(", ", (errors?.Cast<object>() ?? []).Select(e => e.GetType().GetProperty("Path")!.GetValue(e) + " " + e.GetType().GetProperty("Keyword")!.GetValue(e)));
    }
}
