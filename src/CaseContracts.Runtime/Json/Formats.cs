// The format rules, written once: the generator compiles this file into its analyzers (build-time checks of JSON
// literals and files, with CASECONTRACTS_GENERATOR defined) and JsonSupportEmitter emits it beside JsonSupport, so
// a value is judged the same at build time and at run time. Plain C# both netstandard2.0 and net10.0 compile.
#if CASECONTRACTS_GENERATOR
namespace CaseContracts.Generator.Analyzers.Evaluation;
#else
namespace CaseContracts.Internal;
#endif

/// <summary>
/// The opt-in <c>format</c> assertions (<c>CaseContractsAssertFormats</c>): <c>date-time</c> (RFC 3339),
/// <c>uuid</c> (RFC 4122 text form) and <c>email</c> (one <c>@</c>, no spaces, dots only inside names).
/// </summary>
[GeneratedCode]
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
internal static class Formats
{
    private static readonly global::System.Text.RegularExpressions.Regex s_dateTime = new(
        @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$",
        global::System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        global::System.TimeSpan.FromSeconds(1));

    /// <summary>Whether <paramref name="text"/> is a valid <paramref name="format"/>; formats not asserted are always valid.</summary>
    public static bool IsValid(string format, string text)
    {
        switch (format)
        {
            case "date-time":
                return s_dateTime.IsMatch(text)
                    && global::System.DateTimeOffset.TryParse(text, global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.AssumeUniversal, out _);
            case "uuid":
                return global::System.Guid.TryParseExact(text, "D", out _);
            case "email":
                var at = text.IndexOf('@');
                if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1)
                {
                    return false;
                }

                foreach (var c in text)
                {
                    if (char.IsWhiteSpace(c) || char.IsControl(c))
                    {
                        return false;
                    }
                }

                var local = text.Substring(0, at);
                var domain = text.Substring(at + 1);
                return !local.StartsWith(".", global::System.StringComparison.Ordinal) && !local.EndsWith(".", global::System.StringComparison.Ordinal) && local.IndexOf("..", global::System.StringComparison.Ordinal) < 0
                    && !domain.StartsWith(".", global::System.StringComparison.Ordinal) && !domain.EndsWith(".", global::System.StringComparison.Ordinal) && domain.IndexOf("..", global::System.StringComparison.Ordinal) < 0;
            default:
                return true;
        }
    }
}
