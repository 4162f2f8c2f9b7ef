using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using CaseContracts.Generator.Analyzers.Evaluation;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Pipeline;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Validates a schema file against its draft's meta-schema with the generator's own validation: the
/// meta-schema (embedded, <c>MetaSchemas/</c>) is read, planned and evaluated exactly as any contract schema
/// is checked at build time (<see cref="ValidationProgram"/>). Each violation is a CC0010 at the keyword that
/// breaks it, unless the reader has already said something more specific there (a negative
/// <c>minLength</c>, a <c>type</c> name that does not exist…).
/// </summary>
internal static class MetaSchemaCheck
{
    private const string Draft07 = "draft-07";

    private static readonly Lazy<MetaSchema?> s_draft07 = new(() => Load(Draft07), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Adds a diagnostic per meta-schema violation of <paramref name="root"/> to <paramref name="diagnostics"/> (which holds the reader's own).</summary>
    public static void Check(SchemaNode root, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        // Only the draft-07 meta-schema is embedded so far: a file read as another draft (by its $schema or the
        // CaseContractsDefaultDraft option) is not held to draft 7's rules, and an unknown $schema to none.
        var dialect = root.IsObject ? root.String("$schema") : null;
        if (root.Draft != SchemaDraft.Draft7 || (dialect is not null && SchemaDrafts.FromUri(dialect) is null) || s_draft07.Value is not { } meta)
        {
            return;
        }

        var reported = new HashSet<int>();
        foreach (var violation in meta.Program.Evaluate(root.Json, meta.RootMethod))
        {
            var (start, end, location) = Locate(root.Json, violation.Pointer, locator);
            if (diagnostics.Any(d => d.Location.Start >= start && d.Location.Start < end) || !reported.Add(location.Start))
            {
                continue;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BreaksMetaSchema, location, SchemaPaths.RootPointer + violation.Pointer, violation.Message, Draft07));
        }
    }

    /// <summary>The span of the value at <paramref name="pointer"/> (with its member name, when it is a member) and where to report it: the name, or the value.</summary>
    private static (int Start, int End, SourceLocation Location) Locate(JsonNode root, string pointer, SchemaLocator locator)
    {
        var node = root;
        JsonMember? member = null;
        foreach (var segment in pointer.Split('/').Skip(1).Select(s => s.Replace("~1", "/").Replace("~0", "~")))
        {
            if (node.Kind == JsonNodeKind.Object && node.FirstMember(segment) is { } next)
            {
                member = next;
                node = next.Value;
            }
            else if (node.Kind == JsonNodeKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < node.Items.Count)
            {
                member = null;
                node = node.Items[index];
            }
            else
            {
                break;
            }
        }

        return member is not null
            ? (member.NameStart, member.End, locator.NameOf(member))
            : (node.Start, node.End, locator.ValueOf(node));
    }

    private static MetaSchema? Load(string draft)
    {
        using var stream = typeof(MetaSchemaCheck).Assembly.GetManifestResourceStream("CaseContracts.MetaSchemas." + draft + ".schema.json");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        var path = "/casecontracts/meta-schemas/" + draft + ".schema.json";
        var document = SchemaReader.Read(path, SourceText.From(reader.ReadToEnd()), CancellationToken.None, checkMetaSchema: false);
        var index = SchemaIndex.Create(new[] { document });
        var options = new GeneratorOptions("CaseContracts.MetaSchemas", "meta-schemas", "/casecontracts");
        return ValidatorPlanner.Plan(document, index, options) is { } plan
            ? new MetaSchema(ValidationProgram.Create(new[] { plan }, index), plan.RootMethod)
            : null;
    }

    private sealed record MetaSchema(ValidationProgram Program, string RootMethod);
}
