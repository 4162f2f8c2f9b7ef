using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CaseServer.Security;

/// <summary>
/// Salted PBKDF2-SHA256 password hashes in one self-describing string,
/// <c>PBKDF2-SHA256$&lt;iterations&gt;$&lt;salt, base64&gt;$&lt;key, base64&gt;</c>, so the cost can grow
/// without invalidating stored hashes. Make one with <c>dotnet run --project samples/CaseServer -- hash-password</c>.
/// </summary>
public sealed class PasswordHash
{
    /// <summary>The scheme prefix of every hash.</summary>
    public const string Scheme = "PBKDF2-SHA256";

    /// <summary>Iterations for new hashes: OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    private const int SaltBytes = 16;
    private const int KeyBytes = 32;

    private readonly int _iterations;
    private readonly byte[] _salt;
    private readonly byte[] _key;

    private PasswordHash(int iterations, byte[] salt, byte[] key)
    {
        _iterations = iterations;
        _salt = salt;
        _key = key;
    }

    /// <summary>Hashes <paramref name="password"/> with a fresh random salt.</summary>
    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Derive(password, salt, iterations);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(key));
    }

    /// <summary>
    /// A hash no password matches (a random key, not derived), that costs as much to check as a real one:
    /// what unknown names are checked against.
    /// </summary>
    public static PasswordHash Unmatchable(int iterations = DefaultIterations)
        => new(iterations, RandomNumberGenerator.GetBytes(SaltBytes), RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>Reads a hash string; false (with the reason) when it is not one this server made.</summary>
    public static bool TryParse(string? text, out PasswordHash? hash, out string problem)
    {
        hash = null;
        var parts = (text ?? string.Empty).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme)
        {
            problem = $"expected '{Scheme}$<iterations>$<salt>$<key>' (make one with the hash-password command)";
            return false;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            problem = "the iteration count is not a positive number";
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var key = Convert.FromBase64String(parts[3]);
            if (salt.Length == 0 || key.Length != KeyBytes)
            {
                problem = $"the salt is empty or the key is not {KeyBytes} bytes";
                return false;
            }

            hash = new PasswordHash(iterations, salt, key);
            problem = string.Empty;
            return true;
        }
        catch (FormatException)
        {
            problem = "the salt or the key is not base64";
            return false;
        }
    }

    /// <summary>The iteration count: what checking a password against this hash costs.</summary>
    public int Iterations => _iterations;

    /// <summary>Whether <paramref name="password"/> is the hashed one (compared in constant time).</summary>
    public bool Matches(string password) => Matches(password, KeyDerivations.Pbkdf2);

    /// <summary>Whether <paramref name="password"/> is the hashed one, derived with <paramref name="derive"/> (compared in constant time).</summary>
    public bool Matches(string password, KeyDerivation derive)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(derive);
        return CryptographicOperations.FixedTimeEquals(derive(Encoding.UTF8.GetBytes(password), _salt, _iterations, KeyBytes), _key);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations)
        => KeyDerivations.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, KeyBytes);
}
