using LiteAspire.Proxy.Errors;

using Microsoft.IdentityModel.Tokens;

namespace LiteAspire.Proxy.Auth.Jwt;

/// <summary>
/// The signing keys of <c>JWT_PUBLIC_KEY_URL</c> (every URL's keys merged), fetched through <see cref="IHttpClientFactory"/> and
/// kept for <c>public_key_ttl</c>. A token naming a <c>kid</c> the cached set lacks triggers one early refetch (the provider
/// rotated its keys), at most once a second so that tokens with made-up kids cannot flood the provider.
/// </summary>
public sealed class JwksCache(JwtAuthSettings settings, IHttpClientFactory clients, TimeProvider time, ILogger<JwksCache> logger) : IDisposable
{
    /// <summary>The named HTTP client the keys are fetched with.</summary>
    public const string HttpClientName = "litellm-jwks";

    /// <summary>The shortest time between two fetches caused by unknown kids.</summary>
    public static readonly TimeSpan UnknownKidRefetchInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile Snapshot? _current;

    /// <summary>The keys to validate a token signed with <paramref name="kid"/> (null when the token names none).</summary>
    public async ValueTask<IReadOnlyList<SecurityKey>> GetAsync(string? kid, CancellationToken cancellationToken)
    {
        var snapshot = _current;
        if (snapshot is not null && !IsStale(snapshot, kid))
        {
            return snapshot.Keys;
        }

        await _fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have fetched while this one waited.
            snapshot = _current;
            if (snapshot is not null && !IsStale(snapshot, kid))
            {
                return snapshot.Keys;
            }

            var fetched = await FetchAsync(cancellationToken).ConfigureAwait(false);
            if (fetched is not null)
            {
                _current = snapshot = fetched;
            }
            else if (snapshot is null)
            {
                throw new GatewayException(401, "Authentication Error, Could not fetch the JWT public keys (JWT_PUBLIC_KEY_URL).", "auth_error", "None");
            }

            // A failed refresh keeps the previous keys: an identity provider's blip should not refuse every caller.
            return snapshot.Keys;
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _fetching.Dispose();

    private bool IsStale(Snapshot snapshot, string? kid)
    {
        var age = time.GetElapsedTime(snapshot.FetchedAt);
        if (age >= settings.PublicKeyTtl)
        {
            return true;
        }

        return kid is not null && !snapshot.Kids.Contains(kid) && age >= UnknownKidRefetchInterval;
    }

    private async Task<Snapshot?> FetchAsync(CancellationToken cancellationToken)
    {
        if (settings.PublicKeyUrls.Count == 0)
        {
            logger.LogWarning("enable_jwt_auth is set but JWT_PUBLIC_KEY_URL is not: no JWT can be validated.");
            return null;
        }

        var keys = new List<SecurityKey>();
        var kids = new HashSet<string>(StringComparer.Ordinal);
        var client = clients.CreateClient(HttpClientName);
        foreach (var url in settings.PublicKeyUrls)
        {
            try
            {
                var json = await client.GetStringAsync(url, cancellationToken).ConfigureAwait(false);
                foreach (var key in new JsonWebKeySet(json).GetSigningKeys())
                {
                    keys.Add(key);
                    if (key.KeyId is { } id)
                    {
                        kids.Add(id);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ArgumentException)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                logger.LogWarning("Fetching the JWT public keys from {Url} failed: {Error}", url, e.Message);
                return null;
            }
        }

        return new Snapshot(keys, kids, time.GetTimestamp());
    }

    private sealed record Snapshot(IReadOnlyList<SecurityKey> Keys, HashSet<string> Kids, long FetchedAt);
}
