using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>pattern</c>: a string must match the regular expression (anywhere, not anchored, as JSON Schema specifies).
/// The generated validator compiles it once per validator method (<see cref="EcmaPattern.Declaration"/>); a match that
/// takes more than a second does not match (fails closed), at build time as at run time (<c>JsonSupport.Matches</c>).
/// </summary>
internal sealed class PatternRule : AssertionRule
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);

    // The evaluation runs inside the compiler, on several threads: one compiled pattern per text.
    private static readonly ConcurrentDictionary<string, Regex> s_compiled = new(StringComparer.Ordinal);

    public override string Keyword => "pattern";

    public override JsonNodeKind AppliesTo => JsonNodeKind.String;

    public override string? Read(JsonNode value, RuleReading reading)
    {
        if (value.Kind != JsonNodeKind.String)
        {
            return reading.Invalid("'pattern' must be a string");
        }

        return EcmaPattern.Problem(value.Text!) is { } problem
            ? reading.Invalid($"'pattern' is not a regular expression .NET can run: {problem}")
            : value.Text;
    }

    public override string? FieldDeclaration(string argument, RuleEmission emission)
        => EcmaPattern.Declaration(emission.Field(this), argument);

    public override string FailsWhen(string argument, RuleEmission emission) => $"!{emission.Support}.Matches({emission.Field(this)}, ref {emission.Reader})";

    public override bool Holds(JsonNode value, string argument) => IsMatch(argument, value.Text!);

    /// <summary>
    /// Whether <paramref name="text"/> matches the ECMA-262 <paramref name="pattern"/> at build time (translated by
    /// <see cref="EcmaPattern"/>, as the generated code's patterns are); <c>patternProperties</c> matches names with it too.
    /// </summary>
    public static bool IsMatch(string pattern, string text)
    {
        var regex = s_compiled.GetOrAdd(pattern, static p => new Regex(EcmaPattern.Translate(p), RegexOptions.CultureInvariant, s_timeout));
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public override string Message(string argument) => "must match " + argument;
}
