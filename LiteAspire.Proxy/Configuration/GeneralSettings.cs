namespace LiteAspire.Proxy.Configuration;

/// <summary><c>general_settings</c>: server settings, the ones we use typed and the rest in <see cref="Extra"/>.</summary>
public sealed class GeneralSettings
{
    /// <summary><c>master_key</c> as written in the file (after <c>os.environ/</c>); a secret: never log it.</summary>
    public string? MasterKey { get; init; }

    /// <summary><c>database_url</c>: used when neither <c>ConnectionStrings:litellm</c> nor <c>DATABASE_URL</c> is set.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary><c>allow_requests_on_db_unavailable</c>: stay ready (and serve) while the database is down.</summary>
    public bool AllowRequestsOnDbUnavailable { get; init; }

    /// <summary>Every other key, values as read from YAML.</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = ConfigValues.EmptyMap;
}
