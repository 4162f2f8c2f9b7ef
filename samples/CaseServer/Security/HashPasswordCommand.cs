using System;
using System.IO;
using System.Text;

namespace CaseServer.Security;

/// <summary>
/// <c>dotnet run --project samples/CaseServer -- hash-password</c>: reads a password (typed without echo,
/// or piped on standard input) and prints its hash for <c>CaseServer:Users:&lt;name&gt;:PasswordHash</c>.
/// The password is never taken from the command line, where shell history and process lists would keep it.
/// </summary>
public static class HashPasswordCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "hash-password";

    /// <summary>Runs the command; the process exit code.</summary>
    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        string? password;
        if (interactive)
        {
            error.Write("Password: ");
            password = ReadWithoutEcho();
            error.WriteLine();
        }
        else
        {
            password = input.ReadLine();
        }

        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("No password given: type one, or pipe it in (printf '%s' 'secret' | dotnet run --project samples/CaseServer -- hash-password).");
            return 1;
        }

        output.WriteLine(PasswordHash.Create(password));
        return 0;
    }

    private static string ReadWithoutEcho()
    {
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
