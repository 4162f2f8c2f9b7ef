using System.Text.Encodings.Web;
using System.Text.Json;
using CaseServer.Contract;

namespace CaseServer.Cases;

/// <summary>A case as JSON text, written by the generated writer exactly as the API answers it.</summary>
public static class CaseDocument
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text of <paramref name="value"/>.</summary>
    public static string ToJson(Case value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            value.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
