using System;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CaseContracts.Benchmarks;

/// <summary>
/// A deterministic measure of a generated validator's work for comparing two builds on a busy machine, where times
/// scatter by 2x: with <c>CASECONTRACTS_COUNT_TOKENS=1</c> the corpus benchmark rewrites the generated code so that every
/// <c>Utf8JsonReader.Read</c> and <c>Skip</c> it does counts the tokens read (reads inside System.Text.Json's own helpers,
/// such as an error's value text, are not counted). Almost all of the validators' time is reading tokens, so the count
/// per call tracks the time; the counting build is slower and is not for timing.
/// </summary>
internal static class TokenCounting
{
    private const string CounterSource = """
        internal static class TokenCounter
        {
            public static long Tokens;

            public static bool Read(ref global::System.Text.Json.Utf8JsonReader reader)
            {
                Tokens++;
                return reader.Read();
            }

            // Utf8JsonReader.Skip, token by token.
            public static void Skip(ref global::System.Text.Json.Utf8JsonReader reader)
            {
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
                {
                    Read(ref reader);
                }

                if (reader.TokenType is global::System.Text.Json.JsonTokenType.StartObject or global::System.Text.Json.JsonTokenType.StartArray)
                {
                    var depth = reader.CurrentDepth;
                    do
                    {
                        Read(ref reader);
                    }
                    while (reader.CurrentDepth > depth);
                }
            }
        }
        """;

    public static bool Enabled => Environment.GetEnvironmentVariable("CASECONTRACTS_COUNT_TOKENS") == "1";

    /// <summary>The compilation with every <c>x.Read()</c> and <c>x.Skip()</c> of the generated code counted.</summary>
    public static Compilation Instrument(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees.ToList())
        {
            var text = tree.ToString();
            var counted = Regex.Replace(text, @"\b([a-z][A-Za-z0-9_]*)\.Read\(\)", "global::TokenCounter.Read(ref $1)");
            counted = Regex.Replace(counted, @"\b([a-z][A-Za-z0-9_]*)\.Skip\(\)", "global::TokenCounter.Skip(ref $1)");
            if (counted != text)
            {
                compilation = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(counted, (CSharpParseOptions)tree.Options, tree.FilePath));
            }
        }

        var options = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        return compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(CounterSource, options));
    }

    /// <summary>The tokens counted so far in <paramref name="assembly"/> (null when it was not instrumented).</summary>
    public static long? Tokens(Assembly? assembly)
        => assembly?.GetType("TokenCounter")?.GetField("Tokens", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as long?;
}
