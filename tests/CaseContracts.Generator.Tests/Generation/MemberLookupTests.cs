using System;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// Schemas applied in place that look at members by name (an <c>if</c> on one member, its <c>then</c>, an <c>allOf</c>
/// member with <c>properties</c>) find them in the document's member table when the document is long enough to be
/// indexed: the same errors, in the same order, as reading the object, names written twice and escaped included.
/// </summary>
public sealed class MemberLookupTests
{
    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Shipment",
          "type": "object",
          "properties": { "kind": { "type": "string" }, "meta": { "type": "object" } },
          "allOf": [
            {
              "if": { "properties": { "kind": { "const": "parcel" } }, "required": ["kind"] },
              "then": { "properties": { "meta": { "properties": { "size": { "type": "integer" } }, "required": ["size"] } } }
            },
            { "properties": { "kind": { "maxLength": 6 } } }
          ]
        }
        """;

    private static readonly Lazy<DocumentValidator> s_generated = new(() => DocumentValidator.Compile("shipment", Schema));

    [Fact]
    public void The_conditions_and_the_allOf_member_look_members_up_the_object_with_its_own_properties_reads_them()
    {
        var source = s_generated.Value.Source;

        // The if, the then, its meta schema and the allOf member: four lookups; the root reads its object itself.
        Assert.Equal(4, source.Split("context.Members(ref reader)").Length - 1);
    }

    [Theory]
    [InlineData("""{"kind": "parcel", "meta": {"size": "big"}}""", "/meta/size type")]
    [InlineData("""{"kind": "parcel", "meta": {}}""", "/meta/size required")]
    [InlineData("""{"kind": "letter", "meta": {}}""", "")]
    [InlineData("""{"kind": "parcel", "kind": "parcel", "meta": {"size": 1.5}}""", "/meta/size type")]
    [InlineData("""{"kind": "parcel", "kind": "letter", "meta": {"size": 1.5}}""", "")]
    [InlineData("""{"k\u0069nd": "envelope", "meta": {"size": 2}}""", "/kind maxLength")]
    [InlineData("""{"meta": {"size": "big"}, "kind": "envelope", "kind": "big envelope"}""", "/kind maxLength, /kind maxLength")]
    [InlineData("""{"meta": 5, "kind": "envelope"}""", "/kind maxLength, /meta type")]
    public void A_long_document_gets_the_errors_of_the_same_short_one(string json, string expected)
    {
        // Past the skip index's threshold, so the conditions look members up in the member table.
        var indexed = json + new string(' ', 2_000);

        Assert.Equal(expected, Errors(json));
        Assert.Equal(expected, Errors(indexed));
    }

    [Fact]
    public void The_root_reads_its_object_first_recording_its_member_table_then_runs_the_conditions()
    {
        var source = s_generated.Value.Source;
        var root = source[source.IndexOf("internal static void Validate_shipment_", StringComparison.Ordinal)..];
        var own = root.IndexOf("_own(ref reader, ref context);", StringComparison.Ordinal);
        var inPlace = root.IndexOf("_inPlace(ref copy, ref context);", StringComparison.Ordinal);

        Assert.True(own > 0 && inPlace > own, "the root's own checks run first, its in-place schemas after");
        Assert.Contains("var recorded = context.Record(ref reader);", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Past_the_error_limit_a_long_document_keeps_the_first_errors_in_the_order_they_are_reported()
    {
        // 101 maxLength errors from the allOf member, then the root's own type error (a document long enough to be
        // indexed): which 100 are kept depends on the order, so the root, having read its object first, runs both again
        // in order. The first 100 are the allOf member's, as reading the object after it gives.
        var json = "{" + string.Concat(Enumerable.Repeat("\"kind\": \"envelope\", ", 101)) + "\"meta\": 5}";

        var errors = Errors(json).Split(", ");

        Assert.True(json.Length > 1024, "indexed");
        Assert.Equal(101, errors.Length);
        Assert.All(errors[..100], e => Assert.Equal("/kind maxLength", e));
        Assert.Equal(" errorLimit", errors[100]);
    }

    [Fact]
    public void Only_an_object_a_lookup_may_read_again_is_recorded_as_it_is_read()
    {
        // The then looks "meta" up, so the root's member loop records it as meta's own schema reads it; nothing looks
        // into "counts", a map read by its own schema alone, so recording its members would be wasted.
        var generated = DocumentValidator.Compile("recorded", """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "type": "object",
              "properties": {
                "kind": { "type": "string" },
                "meta": { "type": "object", "properties": { "size": { "type": "integer" } } },
                "counts": { "type": "object", "patternProperties": { "^[a-z]+$": { "type": "integer" } }, "additionalProperties": false }
              },
              "allOf": [{ "if": { "properties": { "kind": { "const": "parcel" } } }, "then": { "properties": { "meta": { "required": ["size"] } } } }]
            }
            """);

        Assert.Contains("context.Record(ref reader)", Method(generated.Source, "properties_meta_"), StringComparison.Ordinal);
        Assert.DoesNotContain("context.Record(ref reader)", Method(generated.Source, "properties_counts_"), StringComparison.Ordinal);
        var indexed = new string(' ', 2_000);
        Assert.Equal("/meta/size required", generated.Errors("""{"kind": "parcel", "meta": {}, "counts": {"a": 1}}""" + indexed));
        Assert.Equal("/counts/B additionalProperties", generated.Errors("""{"kind": "parcel", "meta": {"size": 1}, "counts": {"a": 1, "B": 2}}""" + indexed));
    }

    // The validator of the position whose method name ends in position and a hash (up to the next method).
    private static string Method(string source, string position)
    {
        var name = System.Text.RegularExpressions.Regex.Match(source, @"internal static void Validate_\w*_" + position + @"[0-9a-f]{8}\(");
        Assert.True(name.Success, position + " has a validator");
        var end = source.IndexOf("internal static void ", name.Index + 1, StringComparison.Ordinal);
        return end < 0 ? source[name.Index..] : source[name.Index..end];
    }

    private static string Errors(string json) => s_generated.Value.Errors(json);
}
