using System.Globalization;

using StackExchange.Redis;

namespace LiteAspire.Data.Redis;

/// <summary>Turns a <c>redis://[[user]:password@]host[:port][/db]</c> URL (<c>rediss://</c> = TLS) into StackExchange.Redis options.</summary>
public static class RedisUrl
{
    /// <summary>Default Redis port.</summary>
    public const int DefaultPort = 6379;

    /// <summary>True for <c>redis://</c> and <c>rediss://</c> URLs.</summary>
    public static bool IsRedisUrl(string value) =>
        value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the URL; user, password are percent-decoded; a <c>db</c> query parameter works like the path.</summary>
    /// <exception cref="FormatException">Not a redis URL, or a bad port or database number.</exception>
    public static ConfigurationOptions Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsRedisUrl(url))
        {
            throw new FormatException("A Redis URL starts with redis:// or rediss://.");
        }

        var options = new ConfigurationOptions
        {
            Ssl = url.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase),
            AbortOnConnectFail = false,
        };

        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart >= 0 ? rest[(queryStart + 1)..] : string.Empty;
        rest = queryStart >= 0 ? rest[..queryStart] : rest;

        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = pathStart >= 0 ? rest[..pathStart] : rest;
        var path = pathStart >= 0 ? rest[(pathStart + 1)..] : string.Empty;

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(colon >= 0 ? userInfo[..colon] : userInfo);
            var password = colon >= 0 ? Uri.UnescapeDataString(userInfo[(colon + 1)..]) : null;
            if (password is null)
            {
                // redis-py reads "redis://secret@host" as a password with no user.
                password = user;
                user = string.Empty;
            }

            options.User = user.Length > 0 ? user : null;
            options.Password = password.Length > 0 ? password : null;
        }

        var (host, port) = SplitHostPort(authority);
        options.EndPoints.Add(host.Length > 0 ? host : "localhost", port);

        if (path.Length > 0)
        {
            options.DefaultDatabase = ParseNumber(path, "database");
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals].Equals("db", StringComparison.OrdinalIgnoreCase))
            {
                options.DefaultDatabase = ParseNumber(Uri.UnescapeDataString(pair[(equals + 1)..]), "database");
            }
        }

        return options;
    }

    private static (string Host, int Port) SplitHostPort(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException("The IPv6 host in the Redis URL has no closing ']'.");
            }

            var after = authority[(close + 1)..];
            return (authority[1..close], after.StartsWith(':') ? ParsePort(after[1..]) : DefaultPort);
        }

        var colon = authority.LastIndexOf(':');
        return colon >= 0 ? (authority[..colon], ParsePort(authority[(colon + 1)..])) : (authority, DefaultPort);
    }

    /// <summary>Parses a TCP port, with a message naming the value when it is not one.</summary>
    internal static int ParsePort(string value)
    {
        var port = ParseNumber(value, "port");
        return port is > 0 and < 65536 ? port : throw new FormatException($"'{value}' is not a valid Redis port.");
    }

    private static int ParseNumber(string value, string what) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"'{value}' is not a valid Redis {what}.");
}
