using System.Globalization;

namespace CaseContracts.Generator.Rules;

/// <summary>A JSON number from a schema as the C# literals the generated checks compare with.</summary>
internal static class NumberLiterals
{
    /// <summary>The exact value, or <c>null</c> when it does not fit a decimal (the check then uses <see cref="Double"/>).</summary>
    public static string Decimal(string json)
        => decimal.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString(CultureInfo.InvariantCulture) + "m"
            : "null";

    /// <summary>The nearest double (the reader turns schemas whose numbers leave its range into diagnostics).</summary>
    public static string Double(string json)
    {
        var value = double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsPositiveInfinity(value) ? "double.PositiveInfinity"
            : double.IsNegativeInfinity(value) ? "double.NegativeInfinity"
            : value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }
}
