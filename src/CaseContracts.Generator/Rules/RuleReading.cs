using System.Collections.Generic;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary>What a rule reading a keyword's value can do besides returning it: say, at the keyword, why it cannot be enforced.</summary>
internal sealed class RuleReading
{
    private readonly SchemaLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly JsonMember _keyword;

    public RuleReading(SchemaLocator locator, List<DiagnosticInfo> diagnostics, JsonMember keyword)
    {
        _locator = locator;
        _diagnostics = diagnostics;
        _keyword = keyword;
    }

    /// <summary>Reports <paramref name="problem"/> (CC0007) at the keyword's name; returns null, for <c>return reading.Invalid(…)</c>.</summary>
    public string? Invalid(string problem)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.NameOf(_keyword), problem));
        return null;
    }

    /// <summary>A count keyword's value (<c>minProperties</c>, <c>maxLength</c>…): a non-negative integer (draft 7 allows <c>2.0</c> for 2), as its decimal text.</summary>
    public string? Count(JsonNode value)
    {
        if (value.TryGetDouble(out var number) && number >= 0 && System.Math.Floor(number) == number && number <= long.MaxValue)
        {
            return ((long)number).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Invalid($"'{_keyword.Name}' must be a non-negative integer");
    }

    /// <summary>A numeric keyword's value (<c>minimum</c>…): a number C# can hold as a double, as its JSON text.</summary>
    public string? Number(JsonNode value)
    {
        if (value.Kind != JsonNodeKind.Number)
        {
            return Invalid($"'{_keyword.Name}' must be a number");
        }

        return value.TryGetDouble(out _) ? value.Text : Invalid(BeyondDouble(_keyword.Name, value));
    }

    /// <summary>What is wrong with a number in <paramref name="keyword"/>'s value that leaves double's range.</summary>
    public static string BeyondDouble(string keyword, JsonNode number)
        => $"'{keyword}' holds {number.Text}, a number beyond the range of double that C# cannot represent; write a number between ±1.7976931348623157E+308";
}
