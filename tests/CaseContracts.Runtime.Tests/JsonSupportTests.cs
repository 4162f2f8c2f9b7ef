using System.Text;
using System.Text.Json;
using CaseContracts.Internal;
using Xunit;

namespace CaseContracts.Runtime.Tests;

/// <summary>The JSON helpers every generated reader calls, on the values where they are easiest to get wrong.</summary>
public sealed class JsonSupportTests
{
    [Theory]
    [InlineData("\"abc\"", 3)]
    [InlineData("\"h\u00e9\u20ac\"", 3)]
    [InlineData("\"\\u00e9\\ud83d\\ude00\"", 2)]
    [InlineData("\"\ud83d\ude00x\"", 2)]
    public void Code_points_are_counted_as_JSON_Schema_counts_them(string json, long expected)
    {
        var reader = ReaderAt(json);

        Assert.Equal(expected, JsonSupport.CodePointLength(ref reader));
    }

    [Theory]
    [InlineData("10", "2.5", true)]
    [InlineData("0.3", "0.1", true)]
    [InlineData("0.35", "0.1", false)]
    [InlineData("7.5", "2.5", true)]
    [InlineData("123456789012345678901234567890", "10", true)]
    public void Multiples_are_exact_in_decimal_and_safe_in_double(string number, string divisor, bool expected)
    {
        var reader = ReaderAt(number);
        var exact = decimal.Parse(divisor, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, JsonSupport.IsMultipleOf(ref reader, exact, (double)exact));
    }

    [Theory]
    [InlineData("1e-300", false)]
    [InlineData("-1e-300", false)]
    [InlineData("0", true)]
    [InlineData("0e-300", true)]
    public void A_number_decimal_rounds_to_zero_is_no_multiple_of_three(string number, bool expected)
    {
        var reader = ReaderAt(number);

        Assert.Equal(expected, JsonSupport.IsMultipleOf(ref reader, 3m, 3d));
    }

    [Fact]
    public void A_divisor_decimal_rounds_to_zero_is_divided_in_double_not_by_zero()
    {
        // multipleOf 1e-300: the generated literal is 0m (decimal's nearest), the double 1e-300.
        var reader = ReaderAt("5");

        Assert.True(JsonSupport.IsMultipleOf(ref reader, decimal.Parse("1e-300", System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), 1e-300));
    }

    [Theory]
    [InlineData("1", "Integer")]
    [InlineData("1.0", "Integer")]
    [InlineData("1.5", "Number")]
    [InlineData("1e400", "Number")]
    [InlineData("null", "Null")]
    public void Kind_of_a_number_follows_JSON_Schema(string json, string expected)
    {
        var reader = ReaderAt(json);

        Assert.Equal(expected, JsonSupport.KindOf(ref reader).ToString());
    }

    [Fact]
    public void Array_builders_nested_in_each_other_keep_their_own_elements()
    {
        var outer = new JsonSupport.ArrayBuilder<string>();
        for (var i = 0; i < 40; i++)
        {
            var inner = new JsonSupport.ArrayBuilder<string>();
            inner.Add("inner" + i);
            outer.Add(string.Join(",", inner.ToArray()));
        }

        var result = outer.ToArray();

        Assert.Equal(40, result.Length);
        Assert.Equal("inner39", result[39]);
        Assert.Empty(new JsonSupport.ArrayBuilder<int>().ToArray());
    }

    [Fact]
    public void Property_is_found_whatever_its_position_and_escapes()
    {
        var reader = ReaderAt("""{"a":1,"t\u0079pe":".jira","z":2}""");

        Assert.True(JsonSupport.SeekProperty(ref reader, "type"u8));
        Assert.Equal(".jira", reader.GetString());
    }

    [Fact]
    public void Trailing_content_makes_a_document_malformed()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSupport.Parse("1 2", static (ref Utf8JsonReader reader) => reader.GetInt32()));
        Assert.Equal(1, JsonSupport.Parse("1 ", static (ref Utf8JsonReader reader) => reader.GetInt32()));
    }

    [Theory]
    [InlineData("date-time", "2024-02-29T10:00:00Z", true)]
    [InlineData("date-time", "2023-02-29T10:00:00Z", false)]
    [InlineData("date-time", "2024-01-01 10:00:00Z", false)]
    [InlineData("uuid", "0b9f6d3e-2f7a-4c55-9d1e-3a1f0c2b4d5e", true)]
    [InlineData("uuid", "{0b9f6d3e-2f7a-4c55-9d1e-3a1f0c2b4d5e}", false)]
    [InlineData("email", "a.b@example.com", true)]
    [InlineData("email", "a..b@example.com", false)]
    [InlineData("email", "a b@example.com", false)]
    [InlineData("hostname", "not checked", true)]
    public void Formats_are_decided_by_the_one_shared_rule(string format, string text, bool expected)
    {
        var reader = ReaderAt(JsonSerializer.Serialize(text));

        Assert.Equal(expected, JsonSupport.IsFormat(format, ref reader));
        Assert.Equal(expected, Formats.IsValid(format, text));
    }

    private static Utf8JsonReader ReaderAt(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), JsonSupport.ReaderOptions);
        JsonSupport.Next(ref reader);
        return reader;
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    public void Truncating_a_message_value_never_splits_a_surrogate_pair(string before)
    {
        var text = before + string.Concat(System.Linq.Enumerable.Repeat("\ud83d\ude00", 40));

        var cut = JsonSupport.Truncate(text);

        // Whether the pair straddles the 64th character or not, the text before "…" is whole pairs.
        Assert.EndsWith("\ude00…", cut, System.StringComparison.Ordinal);
        Assert.InRange(cut.Length, 64, 65);
        Assert.StartsWith(cut[..^1], text, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\": [1, 2, {\"b\": \"c\"}]}")]
    [InlineData("[\"\u00e9\u20ac\ud83d\ude00 long enough to be cut: 0123456789 0123456789 0123456789 0123456789\"]")]
    [InlineData("{\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\": 1}")]
    public void A_structure_is_shown_as_written_and_cut_like_any_value(string json)
    {
        var reader = ReaderAt(json);
        var written = JsonDocument.Parse(json).RootElement.GetRawText();

        Assert.Equal(JsonSupport.Truncate(written), JsonSupport.ValueText(ref reader));
    }

    [Theory]
    [InlineData("{\"plain\": 1}", "plain")]
    [InlineData("{\"a\\u0062\\n\": 1}", "ab\n")]
    [InlineData("{\"\": 1}", "")]
    public void A_property_name_reads_as_the_string_value_it_spells(string json, string name)
    {
        var reader = ReaderAt(json);
        JsonSupport.Next(ref reader);

        var value = JsonSupport.NameAsValue(ref reader);

        Assert.Equal(JsonTokenType.String, value.TokenType);
        Assert.Equal(name, value.GetString());
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
    }

    [Theory]
    [InlineData("\"2024-01-01\"", true)]
    [InlineData("\"2024-1-01\"", false)]
    [InlineData("\"\\u0032024-01-01\"", true)]
    public void A_pattern_matches_the_decoded_string_short_or_long(string json, bool expected)
    {
        // No automaton: the regular expression decides every text (PatternAutomatonTests cover the automaton's side).
        var pattern = new SchemaPattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}");
        var shortValue = ReaderAt(json);
        var longValue = ReaderAt(json.Insert(json.Length - 1, new string('x', 300)));

        Assert.Equal(expected, JsonSupport.Matches(pattern, ref shortValue));
        Assert.Equal(expected, JsonSupport.Matches(pattern, ref longValue));
    }

    [Theory]
    [InlineData("5", 5L, 0)]
    [InlineData("-0", 0L, 0)]
    [InlineData("-0.0", 0L, 0)]
    [InlineData("-1", 0L, -1)]
    [InlineData("1.5", 1L, 1)]
    [InlineData("0.5", 1L, -1)]
    [InlineData("1e2", 100L, 0)]
    [InlineData("99999999999999999999", 0L, 1)]
    [InlineData("-99999999999999999999", 0L, -1)]
    [InlineData("9223372036854775807", 9223372036854775807L, 0)]
    public void A_number_compares_with_a_whole_bound_as_with_the_same_bound_in_decimal(string json, long bound, int expected)
    {
        var asWhole = ReaderAt(json);
        var asDecimal = ReaderAt(json);

        Assert.Equal(expected, System.Math.Sign(JsonSupport.CompareNumber(ref asWhole, bound)));
        Assert.Equal(expected, System.Math.Sign(JsonSupport.CompareNumber(ref asDecimal, (decimal)bound, bound)));
    }
}
