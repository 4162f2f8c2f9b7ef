using System;
using System.Globalization;
using System.Text;

namespace CaseServer.Cases;

/// <summary>
/// Kibana's saved-object version: base64 of the JSON text <c>[seqNo,primaryTerm]</c> that Elasticsearch
/// returns for the write (<c>WzUzMiwxXQ==</c> is <c>[532,1]</c>). Here the sequence number is the
/// database's, and the primary term is always 1 (one primary, never failed over).
/// </summary>
public static class CaseVersion
{
    /// <summary>The version of the write that got <paramref name="sequenceNumber"/>.</summary>
    public static string Of(long sequenceNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceNumber);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes("[" + sequenceNumber.ToString(CultureInfo.InvariantCulture) + ",1]"));
    }
}
