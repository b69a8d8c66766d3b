using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;

namespace LiteAspire.Proxy.Providers.VertexAI;

/// <summary>
/// OAuth2 access tokens for Vertex AI from <c>vertex_credentials</c> (a service-account JSON file path, or the JSON itself) or,
/// when none is set, Application Default Credentials. One credential per distinct value is kept; Google.Apis.Auth caches its
/// token until shortly before expiry and refreshes it once for all concurrent callers.
/// </summary>
public sealed class VertexAICredentials
{
    /// <summary>The scope Vertex AI needs.</summary>
    public const string Scope = "https://www.googleapis.com/auth/cloud-platform";

    private const string Provider = "vertex_ai";

    // Keyed by a hash of the setting, so the private key is not kept twice in memory.
    private readonly ConcurrentDictionary<string, Lazy<Task<LoadedCredential>>> _credentials = new(StringComparer.Ordinal);

    /// <summary>The credential for a <c>vertex_credentials</c> value (null: Application Default Credentials), loaded once.</summary>
    public async Task<LoadedCredential> GetAsync(string? credentials)
    {
        var key = credentials is null ? "adc" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credentials)));
        var lazy = _credentials.GetOrAdd(key, _ => new Lazy<Task<LoadedCredential>>(() => LoadAsync(credentials)));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed load (file not there yet, bad JSON) is retried on the next call rather than cached.
            _credentials.TryRemove(new KeyValuePair<string, Lazy<Task<LoadedCredential>>>(key, lazy));
            throw;
        }
    }

    private static async Task<LoadedCredential> LoadAsync(string? credentials)
    {
        if (credentials is null)
        {
            return await LoadApplicationDefaultAsync().ConfigureAwait(false);
        }

        var trimmed = credentials.TrimStart();
        string json;
        if (trimmed.StartsWith('{'))
        {
            json = credentials;
        }
        else if (File.Exists(credentials))
        {
            json = await File.ReadAllTextAsync(credentials).ConfigureAwait(false);
        }
        else
        {
            // Never echo the value: it may be a mangled secret rather than a path.
            throw Unauthenticated("vertex_credentials is neither service-account JSON nor a path to a readable file");
        }

        string? type;
        string? projectId;
        try
        {
            using var document = JsonDocument.Parse(json);
            type = document.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
            projectId = document.RootElement.TryGetProperty("project_id", out var p) ? p.GetString() : null;
        }
        catch (JsonException)
        {
            throw Unauthenticated("vertex_credentials is not valid JSON");
        }

        try
        {
            GoogleCredential credential = type switch
            {
                "service_account" => CredentialFactory.FromJson<ServiceAccountCredential>(json).ToGoogleCredential(),
                "authorized_user" => CredentialFactory.FromJson<UserCredential>(json).ToGoogleCredential(),
                _ => throw Unauthenticated($"vertex_credentials type '{type}' is not supported (use a service_account or authorized_user JSON)"),
            };
            return new LoadedCredential(credential.CreateScoped(Scope), projectId);
        }
        catch (InvalidOperationException e)
        {
            throw Unauthenticated("vertex_credentials could not be loaded: " + e.Message);
        }
    }

    private static async Task<LoadedCredential> LoadApplicationDefaultAsync()
    {
        GoogleCredential credential;
        try
        {
            credential = await GoogleCredential.GetApplicationDefaultAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            throw Unauthenticated("no vertex_credentials set and no Application Default Credentials found (GOOGLE_APPLICATION_CREDENTIALS)");
        }

        var projectId = (credential.UnderlyingCredential as ServiceAccountCredential)?.ProjectId;
        return new LoadedCredential(credential.IsCreateScopedRequired ? credential.CreateScoped(Scope) : credential, projectId);
    }

    private static ProviderException Unauthenticated(string message) => new(LiteLLMErrorKind.AuthenticationError, Provider, message, 401);

    /// <summary>A loaded credential and the project its JSON names.</summary>
    /// <param name="Credential">The scoped credential.</param>
    /// <param name="ProjectId">The JSON's <c>project_id</c>, used when <c>vertex_project</c> is not set.</param>
    public sealed record LoadedCredential(GoogleCredential Credential, string? ProjectId)
    {
        /// <summary>A valid access token, fetched from the token endpoint only when the cached one is near expiry.</summary>
        public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await ((ITokenAccess)Credential).GetAccessTokenForRequestAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (TokenResponseException e)
            {
                throw Unauthenticated($"could not get a Google access token: {e.Error?.Error} {e.Error?.ErrorDescription}".TrimEnd());
            }
            catch (HttpRequestException e)
            {
                throw new ProviderException(LiteLLMErrorKind.APIConnectionError, Provider, "could not reach the Google token endpoint: " + e.Message, 500);
            }
        }
    }
}
