using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Rules;

/// <summary>What an applicator rule evaluating a value at build time can do (the build-time twin of <see cref="ApplicatorEmission"/>).</summary>
internal abstract class ApplicatorEvaluation
{
    /// <summary>The pointer of the value being checked.</summary>
    public abstract string Pointer { get; }

    /// <summary>Checks <paramref name="value"/> against the position <paramref name="schemaKey"/>, its errors at <paramref name="pointer"/>.</summary>
    public abstract void Check(string schemaKey, JsonNode value, string pointer);

    /// <summary>Whether <paramref name="value"/> passes the position <paramref name="schemaKey"/> (nothing is reported).</summary>
    public abstract bool Matches(string schemaKey, JsonNode value);

    /// <summary>Adds what the position <paramref name="schemaKey"/> evaluates of <paramref name="value"/> (a value that passes it) to <paramref name="evaluated"/>.</summary>
    public abstract void Collect(string schemaKey, JsonNode value, EvaluatedLocations evaluated);

    /// <summary>What the keywords of the position being checked, and the schemas they apply in place, evaluate of <paramref name="value"/> (its own <c>unevaluated*</c> left out).</summary>
    public abstract EvaluatedLocations EvaluatedHere(JsonNode value);

    /// <summary>Reports an error at <paramref name="pointer"/> for <paramref name="value"/>.</summary>
    public abstract void Fail(string pointer, string keyword, string message, JsonNode value);

    /// <summary>Whether <paramref name="pattern"/> (ECMA-262) matches <paramref name="text"/>, as the generated code decides.</summary>
    public abstract bool IsMatch(string pattern, string text);

    /// <summary>The pointer of member <paramref name="name"/> below <see cref="Pointer"/>.</summary>
    public string Member(string name) => Pointer + "/" + Schema.SchemaPaths.EscapePointerSegment(name);

    /// <summary>The pointer of item <paramref name="index"/> below <see cref="Pointer"/>.</summary>
    public string Item(int index) => Pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
