using System;
using System.Collections.Generic;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary>What an applicator rule reading a schema can do: turn a sub-schema into a validator position, and report.</summary>
internal sealed class ApplicatorReading
{
    private readonly SchemaLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Func<SchemaNode, string> _visit;

    public ApplicatorReading(SchemaLocator locator, List<DiagnosticInfo> diagnostics, Func<SchemaNode, string> visit)
    {
        _locator = locator;
        _diagnostics = diagnostics;
        _visit = visit;
    }

    /// <summary>Reads <paramref name="schema"/> as a validator position of its own; returns its key.</summary>
    public string Visit(SchemaNode schema) => _visit(schema);

    /// <summary>Reports <paramref name="problem"/> (CC0007) at <paramref name="keyword"/>'s name.</summary>
    public void Invalid(JsonMember keyword, string problem)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.NameOf(keyword), problem));

    /// <summary>Reports <paramref name="problem"/> (CC0007) at a value inside a keyword.</summary>
    public void Invalid(JsonNode value, string problem)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.ValueOf(value), problem));

    /// <summary>A count keyword beside the applicator (<c>minContains</c>): a non-negative integer as its decimal text, or null (reported).</summary>
    public string? Count(JsonMember keyword)
    {
        if (keyword.Value.TryGetDouble(out var number) && number >= 0 && Math.Floor(number) == number && number <= long.MaxValue)
        {
            return ((long)number).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Invalid(keyword, $"'{keyword.Name}' must be a non-negative integer");
        return null;
    }
}
