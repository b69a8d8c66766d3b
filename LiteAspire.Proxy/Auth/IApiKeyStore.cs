namespace LiteAspire.Proxy.Auth;

/// <summary>Loads a key's <see cref="ApiKeyAuth"/> from the database: the one query behind the caches.</summary>
public interface IApiKeyStore
{
    /// <summary>The key with its team, membership, user and organization, or null when no key has this token.</summary>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached.</exception>
    Task<ApiKeyAuth?> FindAsync(string token, CancellationToken cancellationToken);
}

/// <summary>The database could not answer an auth lookup.</summary>
public sealed class DatabaseUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatabaseUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>For analyzers; use the other constructor.</summary>
    public DatabaseUnavailableException() { }

    /// <summary>For analyzers; use the other constructor.</summary>
    public DatabaseUnavailableException(string message) : base(message) { }
}
