using System;
using System.Linq;
using Xunit;

namespace CaseContracts.Runtime.Tests;

/// <summary>The validation state and messages the generated validators share.</summary>
public sealed class ValidationRuntimeTests
{
    [Fact]
    public void Errors_get_the_pointers_of_every_enclosing_member_and_element()
    {
        var context = new ValidationContext();
        context.Add("type", "5", "must be a string");
        context.Prefix(0, 3);
        context.Prefix(0, "/tags");
        context.AddForMember("a/b~c", "additionalProperties", null, "is not allowed");

        var errors = context.ToErrors()!;

        Assert.Equal(["/tags/3", "/a~1b~0c"], [errors[0].Path, errors[1].Path]);
    }

    [Fact]
    public void Truncating_drops_the_errors_of_a_failed_branch()
    {
        var context = new ValidationContext();
        context.Add("type", "1", "kept");
        var branch = context.ErrorCount;
        context.Add("const", "1", "dropped");
        context.Truncate(branch);

        Assert.Equal("kept", Assert.Single(context.ToErrors()!).Message);
    }

    [Fact]
    public void A_valid_run_has_no_error_list_at_all()
    {
        Assert.Null(new ValidationContext().ToErrors());
    }

    [Fact]
    public void Kibana_message_joins_unknown_keys_of_one_object_and_words_limits_as_Kibana_does()
    {
        var message = KibanaMessages.Format(
        [
            new ValidationError("/connector/fields/a", "additionalProperties", null, "is not allowed"),
            new ValidationError("/title", "maxLength", "x", "too long") { Limit = "160" },
            new ValidationError("/connector/fields/b", "additionalProperties", null, "is not allowed"),
            new ValidationError("/tags/0", "type", "5", "must be a string"),
        ]);

        Assert.Equal(
            "invalid keys \"a,b\",The length of the title is too long. The maximum length is 160.,Invalid value \"5\" supplied to \"tags,0\"",
            message);
    }

    [Fact]
    public void Past_the_limit_errors_are_counted_not_kept_then_one_last_error_says_how_many_were_left_out()
    {
        var context = new ValidationContext(maxErrors: 3);
        for (var i = 0; i < 5; i++)
        {
            context.AddAt(i, "type", "5", "must be a string");
        }

        // The count is what anyOf, oneOf and the readers compare: it must not stop at the limit.
        Assert.Equal(5, context.ErrorCount);
        var errors = context.ToErrors()!;
        Assert.Equal(["/0", "/1", "/2", ""], errors.Select(e => e.Path));
        Assert.Equal(ValidationContext.ErrorLimitKeyword, errors[3].Keyword);
        Assert.StartsWith("2 more errors were not reported", errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefixing_after_the_limit_reaches_only_the_kept_errors()
    {
        var context = new ValidationContext(maxErrors: 2);
        context.Add("type", "1", "first");
        context.Add("type", "2", "second");
        context.Add("type", "3", "counted only");
        context.Prefix(0, "/tags");

        var errors = context.ToErrors()!;

        Assert.Equal(["/tags", "/tags", ""], errors.Select(e => e.Path));
    }

    [Fact]
    public void A_run_that_reports_no_error_at_all_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationContext(maxErrors: 0));
    }

    [Fact]
    public void Kibana_message_of_thousands_of_long_errors_stops_near_its_budget()
    {
        var longName = new string('n', 10_000);
        var errors = Enumerable.Range(0, 5_000)
            .Select(i => new ValidationError("/" + longName + i, "type", "5", "must be a string"))
            .ToArray();

        var message = KibanaMessages.Format(errors);

        // One part past the budget at most (a part is cut at 512 characters and "…").
        Assert.InRange(message.Length, KibanaMessages.MaxMessageLength, KibanaMessages.MaxMessageLength + 600);
        Assert.EndsWith(",…", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_inside_a_verdict_are_counted_and_nothing_is_kept_for_them()
    {
        var context = new ValidationContext();
        context.Add("type", "1", "kept");
        var mark = context.ErrorCount;
        var reader = new System.Text.Json.Utf8JsonReader("{\"a\": [1, 2]}"u8);
        reader.Read();

        context.BeginVerdict();
        context.Add("type", ref reader, "counted");
        context.AddForMember("a", "additionalProperties", ref reader, "counted");
        context.Prefix(mark, "/inner");
        context.EndVerdict();
        var failed = context.ErrorCount - mark;
        context.Truncate(mark);

        Assert.Equal(2, failed);
        Assert.Equal("kept", Assert.Single(context.ToErrors()!).Message);
    }

    [Fact]
    public void A_short_document_is_read_as_it_is_without_an_index()
    {
        Assert.Null(SkipIndex.For(new byte[SkipIndex.MinimumDocumentLength - 1]));
    }

    [Fact]
    public void Stepping_over_a_large_structure_again_jumps_to_where_the_first_step_ended_and_reads_on_the_same()
    {
        var json = "{\"big\": [" + string.Join(", ", Enumerable.Range(0, 2000)) + "], \"small\": [1], \"last\": {\"x\": true}}";
        using var skips = SkipIndex.For(System.Text.Encoding.UTF8.GetBytes(json))!;
        var context = new ValidationContext(10, skips);
        var reader = new System.Text.Json.Utf8JsonReader(skips.Document);
        reader.Read();
        reader.Read();
        var first = reader;
        var second = reader;

        context.Skip(ref first);
        context.Skip(ref second);

        Assert.True(first.BytesConsumed > SkipIndex.MinimumStructureLength, "the first step reads the array");
        Assert.Equal(0, second.BytesConsumed);
        Assert.Equal(Tokens(ref first), Tokens(ref second));
    }

    [Fact]
    public void A_reader_on_other_text_is_stepped_over_by_reading_it()
    {
        using var skips = SkipIndex.For(System.Text.Encoding.UTF8.GetBytes("[" + new string(' ', SkipIndex.MinimumDocumentLength) + "]"))!;
        var context = new ValidationContext(10, skips);
        var other = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes("[[" + new string(' ', 300) + "], 7]"));
        other.Read();
        other.Read();

        context.Skip(ref other);
        context.Skip(ref other);
        other.Read();

        Assert.Equal(System.Text.Json.JsonTokenType.Number, other.TokenType);
        Assert.Equal(7, other.GetInt32());
    }

    [Fact]
    public void A_member_table_lists_every_member_in_document_order_with_unescaped_names_and_readers_on_their_values()
    {
        var json = "{\"a\": 1, \"b\\u0061\": [true, {\"x\": null}], \"a\": \"again\"}" + new string(' ', SkipIndex.MinimumDocumentLength);
        using var skips = SkipIndex.For(System.Text.Encoding.UTF8.GetBytes(json))!;
        var context = new ValidationContext(10, skips);
        var reader = new System.Text.Json.Utf8JsonReader(skips.Document);
        reader.Read();

        var members = context.Members(ref reader)!;

        Assert.Equal(["a=Number@1", "ba=StartArray@1", "a=String@1"], Listing(members));
    }

    [Fact]
    public void An_object_is_read_into_its_member_table_once_and_stepping_over_it_ends_where_reading_it_does()
    {
        var json = "[{\"big\": [" + string.Join(", ", Enumerable.Range(0, 300)) + "], \"small\": 2}, 7]";
        using var skips = SkipIndex.For(System.Text.Encoding.UTF8.GetBytes(json))!;
        var context = new ValidationContext(10, skips);
        var reader = new System.Text.Json.Utf8JsonReader(skips.Document);
        reader.Read();
        reader.Read();
        var read = reader;
        read.Skip();
        var stepped = reader;

        var members = context.Members(ref reader)!;
        members.StepOver(ref stepped);

        Assert.Same(members, context.Members(ref reader));
        Assert.Equal(Tokens(ref read), Tokens(ref stepped));
    }

    [Fact]
    public void A_short_document_has_no_member_tables_its_objects_are_read()
    {
        var context = new ValidationContext(10, SkipIndex.For("{\"a\": 1}"u8));
        var reader = new System.Text.Json.Utf8JsonReader("{\"a\": 1}"u8);
        reader.Read();

        Assert.Null(context.Members(ref reader));
    }

    [Fact]
    public void A_table_recorded_by_reading_an_object_equals_the_one_read_for_a_lookup_and_is_found_by_later_schemas()
    {
        var json = "{\"a\": 1, \"b\\u0061\": [true, {\"x\": null}], \"a\": \"again\"}" + new string(' ', SkipIndex.MinimumDocumentLength);
        using var skips = SkipIndex.For(System.Text.Encoding.UTF8.GetBytes(json))!;
        var context = new ValidationContext(10, skips);
        var start = new System.Text.Json.Utf8JsonReader(skips.Document);
        start.Read();
        using var other = SkipIndex.For(System.Text.Encoding.UTF8.GetBytes(json))!;
        var otherStart = new System.Text.Json.Utf8JsonReader(other.Document);
        otherStart.Read();
        var read = new ValidationContext(10, other).Members(ref otherStart)!;

        Assert.Null(context.Recorded(ref start));
        var reader = start;
        var recording = context.Record(ref reader)!;
        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
        {
            Assert.Null(context.Recorded(ref start));
            recording.Add(ref reader);
            reader.Read();
            reader.Skip();
        }

        recording.End(ref reader);

        Assert.Same(recording, context.Recorded(ref start));
        Assert.Same(recording, context.Members(ref start));
        Assert.Null(context.Record(ref start));
        Assert.Equal(Listing(read), Listing(recording));
        var stepped = start;
        recording.StepOver(ref stepped);
        Assert.Equal(Tokens(ref reader), Tokens(ref stepped));
    }

    [Fact]
    public void The_next_document_on_a_thread_reuses_the_index_emptied_it_finds_none_of_the_first_documents_members_or_steps()
    {
        var padding = new string(' ', SkipIndex.MinimumDocumentLength);
        var first = "{\"a\": 1, \"b\\u0061\": [" + string.Join(", ", Enumerable.Range(0, 300)) + "]}" + padding;
        SkipIndex used;
        using (var skips = SkipIndex.For(System.Text.Encoding.UTF8.GetBytes(first))!)
        {
            var reader = new System.Text.Json.Utf8JsonReader(skips.Document);
            reader.Read();
            var whole = reader;
            skips.Skip(ref whole);
            Assert.Equal(["a=Number@1", "ba=StartArray@1"], Listing(new ValidationContext(10, skips).Members(ref reader)!));
            used = skips;
        }

        var second = "{\"c\": [true, {\"x\": null}]}" + padding;
        using var again = SkipIndex.For(System.Text.Encoding.UTF8.GetBytes(second))!;
        var start = new System.Text.Json.Utf8JsonReader(again.Document);
        start.Read();
        var context = new ValidationContext(10, again);

        Assert.Same(used, again);
        Assert.Null(context.Recorded(ref start));
        Assert.Equal(["c=StartArray@1"], Listing(context.Members(ref start)!));
        var stepped = start;
        context.Skip(ref stepped);
        Assert.Equal(System.Text.Json.JsonTokenType.EndObject, stepped.TokenType);
        Assert.False(stepped.Read());
    }

    [Fact]
    public void A_member_name_reads_as_a_string_value_with_its_escapes()
    {
        var json = "{\"plain\": 1, \"b\\u0061r\": 2}" + new string(' ', SkipIndex.MinimumDocumentLength);
        using var skips = SkipIndex.For(System.Text.Encoding.UTF8.GetBytes(json))!;
        var reader = new System.Text.Json.Utf8JsonReader(skips.Document);
        reader.Read();
        var members = new ValidationContext(10, skips).Members(ref reader)!;

        var names = Enumerable.Range(0, members.Count).Select(m =>
        {
            var name = members.NameAsValue(m);
            return name.TokenType + ":" + name.GetString() + ":" + name.ValueIsEscaped;
        });

        Assert.Equal(["String:plain:False", "String:bar:True"], names);
    }

    [Fact]
    public void Errors_of_in_place_schemas_run_after_a_validators_own_checks_are_put_before_them()
    {
        var context = new ValidationContext();
        context.Add("before", null, "kept first");
        var own = context.ErrorCount;
        context.AddForMember("x", "own", null, "own 1");
        context.Add("own", null, "own 2");
        var applied = context.ErrorCount;
        context.AddForMember("y", "inPlace", null, "in place 1");
        context.Add("inPlace", null, "in place 2");
        context.Add("inPlace", null, "in place 3");

        Assert.True(context.PutBefore(own, applied));
        context.Prefix(0, "/root");

        Assert.Equal(
            ["/root:kept first", "/root/y:in place 1", "/root:in place 2", "/root:in place 3", "/root/x:own 1", "/root:own 2"],
            context.ToErrors()!.Select(e => e.Path + ":" + e.Message));
    }

    [Fact]
    public void Errors_are_not_reordered_once_some_were_dropped_at_the_limit_the_caller_runs_again_in_order()
    {
        var context = new ValidationContext(maxErrors: 2);
        context.Add("own", null, "own 1");
        context.Add("own", null, "own 2");
        var applied = context.ErrorCount;
        context.Add("inPlace", null, "in place 1");

        Assert.False(context.PutBefore(0, applied));
    }

    private static string[] Listing(MemberTable members) => Enumerable.Range(0, members.Count).Select(m =>
    {
        var value = members.Value(m);
        var start = value.TokenType;
        value.Skip();
        return System.Text.Encoding.UTF8.GetString(members.Name(m)) + "=" + start + "@" + value.CurrentDepth;
    }).ToArray();

    // The rest of the document from the reader on: each token's type and text, then how the reader ends.
    private static string Tokens(ref System.Text.Json.Utf8JsonReader reader)
    {
        var tokens = new System.Text.StringBuilder();
        while (reader.Read())
        {
            tokens.Append(reader.TokenType).Append(' ').Append(System.Text.Encoding.UTF8.GetString(reader.ValueSpan)).Append(" @").Append(reader.CurrentDepth).Append(';');
        }

        return tokens.ToString();
    }
}
