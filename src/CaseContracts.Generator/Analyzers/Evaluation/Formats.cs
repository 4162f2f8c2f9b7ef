using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseContracts.Generator.Analyzers.Evaluation;

/// <summary>The opt-in <c>format</c> assertions, decided as <c>JsonSupport.IsFormat</c> decides them at run time.</summary>
internal static class Formats
{
    private static readonly Regex s_dateTime = new(
        @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    public static bool IsValid(string format, string text)
    {
        switch (format)
        {
            case "date-time":
                return s_dateTime.IsMatch(text)
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
            case "uuid":
                return Guid.TryParseExact(text, "D", out _);
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
                return !local.StartsWith(".", StringComparison.Ordinal) && !local.EndsWith(".", StringComparison.Ordinal) && local.IndexOf("..", StringComparison.Ordinal) < 0
                    && !domain.StartsWith(".", StringComparison.Ordinal) && !domain.EndsWith(".", StringComparison.Ordinal) && domain.IndexOf("..", StringComparison.Ordinal) < 0;
            default:
                return true;
        }
    }
}
