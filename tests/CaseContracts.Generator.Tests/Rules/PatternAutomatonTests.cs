using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseContracts.Generator.Rules;
using CaseContracts.Generator.Tests.Corpus;
using CaseContracts.Generator.Tests.Generation;
using CaseContracts.Internal;
using Xunit;
using Xunit.Abstractions;

namespace CaseContracts.Generator.Tests.Rules;

/// <summary>
/// A pattern's automaton over ASCII (<see cref="PatternAutomaton"/>, run by the runtime's <see cref="SchemaPattern"/>)
/// decides every ASCII text as the translated regular expression does, and a pattern outside its subset has none.
/// </summary>
public sealed class PatternAutomatonTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(@"^\d{4}-(0[1-9]|1[0-2])-01$")]
    [InlineData(@"^[a-z][a-z0-9_-]*$")]
    [InlineData(@"^.*$")]
    [InlineData(@"^(foo|bar)$|^baz")]
    [InlineData(@"[A-Z]{2,3}")]
    [InlineData(@"^(?:[01]\d|2[0-3]):[0-5]\d(?<seconds>:[0-5]\d)?$")]
    [InlineData(@"^[^\s/]+\.json$")]
    [InlineData(@"^\u00e9?x\x41[\t\-\]]+?$")]
    public void A_pattern_of_the_common_subset_has_an_automaton(string pattern)
    {
        Assert.NotNull(PatternAutomaton.For(pattern));
    }

    [Theory]
    [InlineData(@"^(?=a)\w+$")] // look-ahead
    [InlineData(@"(?<!a)b")] // look-behind
    [InlineData(@"\bword\b")] // word boundary
    [InlineData(@"^(a)\1$")] // back-reference
    [InlineData(@"\p{L}+")] // Unicode property
    [InlineData(@"a^b")] // anchor inside
    [InlineData(@"(^a)")]
    [InlineData(@"^[a-z-[aeiou]]$")] // .NET class subtraction
    [InlineData(@"[]a]")] // a ']' first: the dialects differ
    [InlineData(@"a{,3}")] // a literal brace in .NET
    [InlineData(@"[a-z-0]")]
    [InlineData(@"(?i)abc")] // inline options (.NET only)
    [InlineData(@"\-")] // an identity escape ECMA-262 refuses with Unicode semantics
    [InlineData(@"(a|b).{12}x")] // a search whose automaton passes the state limit
    public void A_pattern_outside_the_subset_has_none_and_is_left_to_the_regular_expression(string pattern)
    {
        Assert.Null(PatternAutomaton.For(pattern));
    }

    [Fact]
    public void Every_pattern_of_the_corpus_and_the_suite_decides_ASCII_text_as_the_regular_expression_does()
    {
        var patterns = CorpusAndSuitePatterns().Where(p => EcmaPattern.Problem(p) is null).ToList();
        var random = new Random(20261206);
        var withAutomaton = 0;
        var texts = 0;
        var disagreements = new List<string>();
        foreach (var pattern in patterns)
        {
            if (PatternAutomaton.For(pattern) is not { } automaton)
            {
                continue;
            }

            withAutomaton++;
            var expected = new Regex(EcmaPattern.Translate(pattern), RegexOptions.CultureInvariant);
            var actual = new SchemaPattern(EcmaPattern.Translate(pattern), automaton.Transitions, automaton.Acceptance);
            foreach (var text in Texts(pattern, automaton, random))
            {
                texts++;
                var matches = expected.IsMatch(text);
                if (actual.IsMatch(text) != matches || MatchesAsJson(actual, text) != matches)
                {
                    disagreements.Add($"{pattern} on {JsonSerializer.Serialize(text)}: the regular expression says {matches}");
                }
            }
        }

        output.WriteLine($"{patterns.Count} patterns, {withAutomaton} with an automaton, {texts} texts, {disagreements.Count} disagreements");
        Assert.Empty(disagreements.Take(20));
        // Most real patterns are in the subset: otherwise the automaton would be a curiosity.
        Assert.True(withAutomaton * 10 >= patterns.Count * 8, $"{withAutomaton} of {patterns.Count} patterns have an automaton");
    }

    [Fact]
    public void Text_beyond_ASCII_or_escaped_goes_to_the_regular_expression()
    {
        var automaton = PatternAutomaton.For(@"^\w+$")!;
        var pattern = new SchemaPattern(EcmaPattern.Translate(@"^\w+$"), automaton.Transitions, automaton.Acceptance);

        Assert.True(pattern.IsMatch("abc"));
        Assert.False(pattern.IsMatch("\u00e9cole"));
        Assert.True(MatchesAsJson(pattern, "abc", escape: true));
        Assert.False(MatchesAsJson(pattern, "a\u00e9", escape: true));
    }

    // The pattern run on the text as a JSON string value, as the generated validators run it (raw UTF-8 unless escaped).
    private static bool MatchesAsJson(SchemaPattern pattern, string text, bool escape = false)
    {
        var json = escape
            ? "\"" + string.Concat(text.Select(c => $"\\u{(int)c:x4}")) + "\""
            : JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return pattern.Matches(ref reader);
    }

    // Texts near the pattern's language: random walks through its automaton (many end in a match), each mutated once, and
    // random strings over the characters the pattern names and the usual separators.
    private static IEnumerable<string> Texts(string pattern, PatternAutomaton automaton, Random random)
    {
        var table = Table(automaton);
        var alphabet = pattern.Where(c => c < 128).Concat("aZ09_-./: \t\n\r\\\"'{}[]()").Distinct().ToArray();
        yield return string.Empty;
        for (var i = 0; i < 60; i++)
        {
            var walk = Walk(table, automaton.Acceptance, random);
            yield return walk;
            yield return Mutate(walk, alphabet, random);
            yield return new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        }
    }

    private static string Walk(byte[] table, string acceptance, Random random)
    {
        var text = new StringBuilder();
        var state = 1;
        var length = random.Next(0, 24);
        while (text.Length < length)
        {
            var live = Enumerable.Range(0, 128).Where(c => table[(state << 7) | c] != 0).ToList();
            if (live.Count == 0 || (acceptance[state] != '0' && random.Next(4) == 0))
            {
                break;
            }

            var c = live[random.Next(live.Count)];
            text.Append((char)c);
            state = table[(state << 7) | c];
        }

        return text.ToString();
    }

    private static string Mutate(string text, char[] alphabet, Random random)
    {
        var at = random.Next(text.Length + 1);
        return random.Next(3) switch
        {
            0 => text.Insert(at, alphabet[random.Next(alphabet.Length)].ToString()),
            1 when at < text.Length => text.Remove(at, 1),
            _ when at < text.Length => text.Remove(at, 1).Insert(at, alphabet[random.Next(alphabet.Length)].ToString()),
            _ => text + "\u00e9",
        };
    }

    // The automaton's table as SchemaPattern expands it: state * 128 + character -> next state.
    private static byte[] Table(PatternAutomaton automaton)
    {
        var table = new byte[automaton.Acceptance.Length << 7];
        var at = 128;
        for (var i = 0; i < automaton.Transitions.Length; i += 2)
        {
            table.AsSpan(at, automaton.Transitions[i]).Fill((byte)automaton.Transitions[i + 1]);
            at += automaton.Transitions[i];
        }

        return table;
    }

    // Every "pattern" value and "patternProperties" name in the vendored corpus schemas and the official suite.
    private static IEnumerable<string> CorpusAndSuitePatterns()
    {
        var files = Directory.GetFiles(Path.Combine(SchemaStoreCorpus.Root, "schemas"), "*.json")
            .Concat(Directory.GetFiles(OfficialSuite.Root, "*.json", SearchOption.AllDirectories));
        var patterns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            Collect(document.RootElement, patterns);
        }

        return patterns.Order(StringComparer.Ordinal);
    }

    private static void Collect(JsonElement element, HashSet<string> patterns)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, patterns);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (member.Name == "pattern" && member.Value.ValueKind == JsonValueKind.String)
                {
                    patterns.Add(member.Value.GetString()!);
                }
                else if (member.Name == "patternProperties" && member.Value.ValueKind == JsonValueKind.Object)
                {
                    patterns.UnionWith(member.Value.EnumerateObject().Select(m => m.Name));
                }

                Collect(member.Value, patterns);
            }
        }
    }
}
