using Microsoft.CodeAnalysis.CSharp;

namespace CaseContracts.Generator.Emit;

/// <summary>C# literal text for values taken from schemas.</summary>
internal static class CSharpLiterals
{
    /// <summary><c>"text"</c>, escaped.</summary>
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary><c>"/name"</c>: the JSON Pointer of a member relative to its object (RFC 6901: <c>~</c> and <c>/</c> escaped).</summary>
    public static string Pointer(string memberName) => String("/" + Schema.SchemaPaths.EscapePointerSegment(memberName));

    /// <summary><c>"text"u8</c>: UTF-8 bytes without allocation, for matching property names.</summary>
    public static string Utf8(string value) => String(value) + "u8";
}
