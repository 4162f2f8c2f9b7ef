using System;
using System.IO;

namespace CaseContracts.LoadServers;

/// <summary>
/// The answer every contender gives a valid request: the case from the API page's example response
/// (compact JSON, <c>bodies/case-response.json</c>). Served as these bytes by the bare endpoint and
/// serialised from typed values by the others, so all of them send the same JSON.
/// </summary>
internal static class CannedResponse
{
    public static byte[] Utf8Json { get; } = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "bodies", "case-response.json"));
}
