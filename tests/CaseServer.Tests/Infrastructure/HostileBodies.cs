using System.IO;
using System.IO.Compression;
using System.Text;

namespace CaseServer.Tests.Infrastructure;

/// <summary>Request bodies a hostile client sends: each as large as the body limit allows, each wrong everywhere.</summary>
public static class HostileBodies
{
    /// <summary>The 1 MiB limit.</summary>
    public const int OneMebibyte = 1024 * 1024;

    /// <summary>A valid request whose <c>tags</c> holds 524,000 numbers (strings expected): just under 1 MiB, one error per tag.</summary>
    public static byte[] NumericTags()
    {
        var body = new StringBuilder(OneMebibyte);
        body.Append("""{"title":"t","description":"d","settings":{"syncAlerts":false},"connector":{"id":"none","name":"none","type":".none","fields":null},"tags":[""");
        for (var i = 0; i < 524_000; i++)
        {
            body.Append(i == 0 ? "0" : ",0");
        }

        return Encoding.UTF8.GetBytes(body.Append("]}").ToString());
    }

    /// <summary>An object of unknown keys, as many as fit in 1 MiB.</summary>
    public static byte[] UnknownKeys()
    {
        var body = new StringBuilder(OneMebibyte).Append('{');
        for (var i = 0; body.Length < OneMebibyte - 32; i++)
        {
            body.Append(i == 0 ? "" : ",").Append("\"k").Append(i).Append("\":0");
        }

        return Encoding.UTF8.GetBytes(body.Append('}').ToString());
    }

    /// <summary>A body whose few unknown keys are each very long, escaped control characters (each 6 bytes once written back).</summary>
    public static byte[] LongUnknownKeys()
    {
        var body = new StringBuilder(OneMebibyte).Append('{');
        for (var i = 0; i < 8; i++)
        {
            body.Append(i == 0 ? "" : ",").Append('"').Append(i).Append(new StringBuilder().Insert(0, "\\u0001", 20_000)).Append("\":0");
        }

        return Encoding.UTF8.GetBytes(body.Append('}').ToString());
    }

    /// <summary><paramref name="data"/> compressed with gzip.</summary>
    public static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary><paramref name="data"/> compressed with Brotli.</summary>
    public static byte[] Brotli(byte[] data)
    {
        var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Optimal))
        {
            brotli.Write(data);
        }

        return output.ToArray();
    }

    /// <summary><paramref name="data"/> compressed with zlib (HTTP's "deflate").</summary>
    public static byte[] Zlib(byte[] data)
    {
        var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A gzip of about a kibibyte that inflates to <paramref name="inflatedBytes"/> of spaces (valid JSON whitespace).</summary>
    public static byte[] GzipBomb(long inflatedBytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            var spaces = new byte[1024 * 1024];
            System.Array.Fill(spaces, (byte)' ');
            for (long written = 0; written < inflatedBytes; written += spaces.Length)
            {
                gzip.Write(spaces);
            }
        }

        return output.ToArray();
    }
}
