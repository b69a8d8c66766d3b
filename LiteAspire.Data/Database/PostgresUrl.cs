using Npgsql;

namespace LiteAspire.Data.Database;

/// <summary>Turns a libpq/Prisma style URL (<c>postgresql://user:pass@host:port/db?sslmode=require</c>) into an Npgsql connection string.</summary>
public static class PostgresUrl
{
    /// <summary>True for <c>postgres://</c> and <c>postgresql://</c> URLs.</summary>
    public static bool IsPostgresUrl(string value) =>
        value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Converts the URL. Percent-encoded user, password and database are decoded. Query parameters understood:
    /// <c>sslmode</c>, <c>connect_timeout</c>, <c>application_name</c>, <c>sslrootcert</c>, <c>sslcert</c>, <c>sslkey</c>,
    /// <c>target_session_attrs</c>, <c>host</c>, <c>port</c>, <c>options</c>, and Prisma's <c>schema</c> (search path)
    /// and <c>connection_limit</c> (pool size); others (Prisma's <c>pool_timeout</c>, ...) have no Npgsql meaning and are ignored.
    /// </summary>
    /// <exception cref="FormatException">The value is not a postgres URL or a part of it is invalid.</exception>
    public static string ToConnectionString(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsPostgresUrl(url))
        {
            throw new FormatException("A PostgreSQL URL starts with postgresql:// or postgres://.");
        }

        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = string.Empty;
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        if (queryStart >= 0)
        {
            query = rest[(queryStart + 1)..];
            rest = rest[..queryStart];
        }

        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = pathStart >= 0 ? rest[..pathStart] : rest;
        var database = pathStart >= 0 ? Decode(rest[(pathStart + 1)..]) : string.Empty;

        var builder = new NpgsqlConnectionStringBuilder();
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Decode(colon >= 0 ? userInfo[..colon] : userInfo);
            if (user.Length > 0)
            {
                builder.Username = user;
            }

            if (colon >= 0)
            {
                builder.Password = Decode(userInfo[(colon + 1)..]);
            }
        }

        ApplyHosts(builder, authority);
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals >= 0 ? pair[..equals] : pair);
            var value = equals >= 0 ? Decode(pair[(equals + 1)..]) : string.Empty;
            ApplyParameter(builder, name, value);
        }

        return builder.ConnectionString;
    }

    private static void ApplyHosts(NpgsqlConnectionStringBuilder builder, string authority)
    {
        if (authority.Length == 0)
        {
            return;
        }

        // Several hosts (failover) stay in Npgsql's own "h1:p1,h2:p2" form.
        if (authority.Contains(',', StringComparison.Ordinal))
        {
            builder.Host = authority;
            return;
        }

        var (host, port) = SplitHostPort(authority);
        builder.Host = host;
        if (port is not null)
        {
            builder.Port = ParsePort(port);
        }
    }

    private static (string Host, string? Port) SplitHostPort(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException("The IPv6 host in the PostgreSQL URL has no closing ']'.");
            }

            var host = authority[1..close];
            var after = authority[(close + 1)..];
            return (host, after.StartsWith(':') ? after[1..] : null);
        }

        var colon = authority.LastIndexOf(':');
        return colon >= 0 ? (Decode(authority[..colon]), authority[(colon + 1)..]) : (Decode(authority), null);
    }

    private static int ParsePort(string port) =>
        int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && value is > 0 and < 65536
            ? value
            : throw new FormatException($"'{port}' is not a valid port in the PostgreSQL URL.");

    private static void ApplyParameter(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        switch (name.ToLowerInvariant())
        {
            case "sslmode":
                builder.SslMode = ParseSslMode(value);
                break;
            case "connect_timeout":
                builder.Timeout = ParseNumber(name, value);
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "sslrootcert":
                builder.RootCertificate = value;
                break;
            case "sslcert":
                builder.SslCertificate = value;
                break;
            case "sslkey":
                builder.SslKey = value;
                break;
            case "target_session_attrs":
                builder.TargetSessionAttributes = value;
                break;
            case "host":
                builder.Host = value;
                break;
            case "port":
                builder.Port = ParsePort(value);
                break;
            case "options":
                builder.Options = value;
                break;
            case "schema":
                builder.SearchPath = value;
                break;
            case "connection_limit":
                builder.MaxPoolSize = ParseNumber(name, value);
                break;
            default:
                break;
        }
    }

    private static int ParseNumber(string name, string value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"'{value}' is not a number for '{name}' in the PostgreSQL URL.");

    private static SslMode ParseSslMode(string value) => value.ToLowerInvariant() switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw new FormatException($"'{value}' is not a PostgreSQL sslmode (disable, allow, prefer, require, verify-ca, verify-full)."),
    };

    private static string Decode(string value) => Uri.UnescapeDataString(value);
}
