using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace CaseContracts.Generator.Tests.Codebase;

/// <summary>
/// Code lives in .cs files, where the compiler, the analyzers and the IDE see it: no string literal in src/ (regular,
/// verbatim, raw, UTF-8 or interpolated) spans more than 40 lines. Runtime code the generator emits is in
/// src/CaseContracts.Runtime, embedded as files (see <see cref="RuntimeSourceTests"/>).
/// </summary>
public sealed class StringConstantLengthTests
{
    private const int MaxLines = 40;

    [Fact]
    public void No_string_literal_in_src_is_longer_than_40_lines()
    {
        var files = Directory.EnumerateFiles(Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .ToList();

        var tooLong = files.SelectMany(path => LongLiterals(File.ReadAllText(path), Path.GetRelativePath(Repository.Root, path))).ToList();

        Assert.True(files.Count > 100, $"only {files.Count} source files found under src/");
        Assert.True(tooLong.Count == 0, "String literals longer than " + MaxLines + " lines:\n" + string.Join("\n", tooLong));
    }

    [Theory]
    [InlineData("\"\"\"", "\"\"\"")]
    [InlineData("\"\"\"\"", "\"\"\"\"")]
    [InlineData("$$\"\"\"", "\"\"\"")]
    [InlineData("@\"", "\"")]
    [InlineData("$@\"", "\"")]
    [InlineData("\"\"\"", "\"\"\"u8")]
    public void A_literal_of_41_lines_is_found_and_one_of_40_is_not(string open, string close)
    {
        Assert.Single(LongLiterals(Source(open, close, lines: 41), "Long.cs"));
        Assert.Empty(LongLiterals(Source(open, close, lines: 40), "Short.cs"));
    }

    // A constant whose text spans `lines` lines, opening and closing lines included.
    private static string Source(string open, string close, int lines)
        => "class C\n{\n    const string Text = " + open + "\n"
           + string.Concat(Enumerable.Range(0, lines - 2).Select(i => "line " + i + "\n"))
           + close + ";\n}\n";

    private static IEnumerable<string> LongLiterals(string source, string path)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview));
        var root = tree.GetRoot();
        var literals = root.DescendantTokens()
            .Where(token => token.Parent is LiteralExpressionSyntax && IsString(token.Kind()))
            .Select(token => token.Span)
            .Concat(root.DescendantNodes().OfType<InterpolatedStringExpressionSyntax>().Select(node => node.Span));
        foreach (var span in literals)
        {
            var lines = tree.GetLineSpan(span);
            var count = lines.EndLinePosition.Line - lines.StartLinePosition.Line + 1;
            if (count > MaxLines)
            {
                yield return $"{path}({lines.StartLinePosition.Line + 1}): {count} lines";
            }
        }
    }

    private static bool IsString(SyntaxKind kind)
        => kind is SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken
            or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
            or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken;

    private static bool IsBuildOutput(string path)
    {
        var segments = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return segments.Contains("bin", StringComparer.Ordinal) || segments.Contains("obj", StringComparer.Ordinal);
    }
}
