using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CaseContracts.Generator.Emit;
using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>pattern</c>: a string must match the regular expression (anywhere, not anchored, as JSON Schema specifies).
/// The generated validator compiles it once per validator method (a static field); a match that takes more
/// than a second does not match (fails closed), at build time as at run time (<c>JsonSupport.Matches</c>).
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

        try
        {
            _ = new Regex(value.Text!, RegexOptions.None, s_timeout);
            return value.Text;
        }
        catch (ArgumentException e)
        {
            return reading.Invalid($"'pattern' is not a regular expression .NET can run: {e.Message}");
        }
    }

    public override string? FieldDeclaration(string argument, RuleEmission emission)
        => $"private static readonly global::System.Text.RegularExpressions.Regex {emission.Field(this)} = new({CSharpLiterals.String(argument)}, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));";

    public override string FailsWhen(string argument, RuleEmission emission) => $"!{emission.Support}.Matches({emission.Field(this)}, ref {emission.Reader})";

    public override bool Holds(JsonNode value, string argument)
    {
        var regex = s_compiled.GetOrAdd(argument, static p => new Regex(p, RegexOptions.CultureInvariant, s_timeout));
        try
        {
            return regex.IsMatch(value.Text!);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public override string Message(string argument) => "must match " + argument;
}
