using CaseContracts.Generator.Analyzers.Evaluation;
using CaseContracts.Generator.Emit;
using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>format</c>: an annotation unless the project opts in (<c>CaseContractsAssertFormats</c>), then a string
/// must be a valid <c>date-time</c>, <c>uuid</c> or <c>email</c>, as <see cref="Formats"/> decides (the one
/// definition, compiled into the generated runtime and into the generator). Other formats stay annotations.
/// </summary>
internal sealed class FormatRule : AssertionRule
{
    public override string Keyword => "format";

    public override JsonNodeKind AppliesTo => JsonNodeKind.String;

    public override bool IsOptIn => true;

    // Not a string, or a format with no check: an annotation (the meta-schema check reports a value that is no string).
    public override string? Read(JsonNode value, RuleReading reading)
        => value.Kind == JsonNodeKind.String && value.Text is "date-time" or "uuid" or "email" ? value.Text : null;

    public override string FailsWhen(string argument, RuleEmission emission)
        => $"!{emission.Support}.IsFormat({CSharpLiterals.String(argument)}, ref {emission.Reader})";

    public override bool Holds(JsonNode value, string argument) => Formats.IsValid(argument, value.Text!);

    public override string Message(string argument) => "must be a valid " + argument;
}
