using System.Text.RegularExpressions;
using CaseContracts.Generator.Rules;
using Xunit;

namespace CaseContracts.Generator.Tests.Rules;

/// <summary>Schema patterns mean what ECMA-262 (with Unicode semantics) says, where .NET's reading differs.</summary>
public sealed class EcmaPatternTests
{
    [Theory]
    [InlineData(@"^\d+$", "0123", true)]
    [InlineData(@"^\d+$", "\u09EA\u09E8", false)] // Bengali digits: \d is ASCII in ECMA-262
    [InlineData(@"^[\d]+$", "\u09EA", false)]
    [InlineData(@"^\w+$", "\u00e9cole", false)] // \w is [A-Za-z0-9_]
    [InlineData(@"^\W$", "\u00e9", true)]
    [InlineData(@"^\D$", "\u09EA", true)]
    [InlineData(@"^abc$", "abc\n", false)] // $ is the end of the input, not before a final newline
    [InlineData(@"^\p{Letter}cole$", "\u00e9cole", true)] // long general-category names
    [InlineData(@"^\p{digit}+$", "\u09EA\u09E8", true)]
    [InlineData(@"^.$", "\U0001F432", true)] // . is one code point
    [InlineData(@"^.$", "\u2028", false)] // . stops at every line terminator
    [InlineData("^\U0001F432*$", "\U0001F432\U0001F432", true)] // a quantifier repeats the whole astral character
    [InlineData(@"^[.]$", ".", true)]
    [InlineData(@"^\.$", "x", false)]
    [InlineData(@"^[$]$", "$", true)]
    [InlineData(@"^\s$", "\uFEFF", true)] // ECMA-262 white space includes the zero-width no-break space
    [InlineData(@"^\S$", "\uFEFF", false)]
    public void Translated_pattern_decides_as_ECMA_262(string pattern, string text, bool matches)
    {
        Assert.Null(EcmaPattern.Problem(pattern));
        Assert.Equal(matches, new Regex(EcmaPattern.Translate(pattern), RegexOptions.CultureInvariant).IsMatch(text));
    }

    [Fact]
    public void A_pattern_dotnet_cannot_run_is_a_problem_not_an_exception()
    {
        Assert.NotNull(EcmaPattern.Problem("([a-z]"));
    }
}
