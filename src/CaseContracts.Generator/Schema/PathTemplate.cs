using System;
using System.Collections.Generic;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// A route's path template (<c>/api/tickets/{id}</c>): what ASP.NET Core's route parser would reject at
/// start-up, caught at build time instead, and the parameter names it holds. Shared by <c>x-operation</c>'s
/// <c>route</c> and an OpenAPI document's paths.
/// </summary>
internal static class PathTemplate
{
    /// <summary>What is wrong with <paramref name="template"/>, said of <paramref name="what"/> (<c>'route'</c>), or null.</summary>
    public static string? Problem(string template, string what)
    {
        if (!template.StartsWith("/", StringComparison.Ordinal))
        {
            return $"{what} must start with '/', not '{template}'";
        }

        if (template.IndexOfAny(new[] { '?', '#', ' ', '\t', '\\' }) >= 0)
        {
            return $"{what} is a path template: no query, fragment, backslash or white space ('{template}')";
        }

        var depth = 0;
        var parameterStart = -1;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                depth++;
                parameterStart = i;
            }
            else if (template[i] == '}')
            {
                depth--;
                if (depth < 0 || i == parameterStart + 1)
                {
                    return $"{what} has an empty or unbalanced '{{}}' parameter ('{template}')";
                }
            }

            if (depth > 1)
            {
                return $"{what} has nested '{{' ('{template}')";
            }
        }

        return depth != 0 ? $"{what} has an unbalanced '{{' ('{template}')" : null;
    }

    /// <summary>The parameter names of a template <see cref="Problem"/> accepted, in order (<c>{id}</c> → <c>id</c>).</summary>
    public static List<string> ParameterNames(string template)
    {
        var names = new List<string>();
        var start = -1;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                start = i + 1;
            }
            else if (template[i] == '}' && start >= 0)
            {
                names.Add(template.Substring(start, i - start));
                start = -1;
            }
        }

        return names;
    }
}
