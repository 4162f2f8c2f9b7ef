using System;
using System.Security.Cryptography;

namespace CaseServer.Security;

/// <summary>
/// Derives a password's key: PBKDF2-HMAC-SHA256 in the server (<see cref="KeyDerivations.Pbkdf2"/>). A seam so that tests can see
/// which parameters each check ran with (an unknown user must cost what a known one does), not a place to plug in
/// weaker hashes.
/// </summary>
/// <param name="password">The password's UTF-8 bytes.</param>
/// <param name="salt">The hash's salt.</param>
/// <param name="iterations">The hash's iteration count.</param>
/// <param name="length">The key's length in bytes.</param>
public delegate byte[] KeyDerivation(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int iterations, int length);

/// <summary>The server's key derivation.</summary>
public static class KeyDerivations
{
    /// <summary>PBKDF2 with HMAC-SHA256.</summary>
    public static readonly KeyDerivation Pbkdf2 = static (password, salt, iterations, length)
        => Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, length);
}
