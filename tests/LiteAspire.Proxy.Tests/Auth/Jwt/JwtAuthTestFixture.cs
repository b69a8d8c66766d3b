using System.Net.Http.Headers;

using LiteAspire.Proxy.Tests.Management;

namespace LiteAspire.Proxy.Tests.Auth.Jwt;

/// <summary>
/// The identity provider of the JWT tests (an RSA and a P-256 key published on a local JWKS server) and proxies with JWT
/// auth on, started on the management collection's PostgreSQL, Redis and fake upstream.
/// </summary>
public sealed class JwtAuthTestFixture : IAsyncLifetime
{
    public const string Audience = "litellm-proxy";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("liteaspire-jwt-");
    private readonly Lock _gate = new();
    private ProxyFactory? _proxy;

    internal TestSigningKey RsaKey { get; } = TestSigningKey.Rsa("rsa-1");

    internal TestSigningKey EcKey { get; } = TestSigningKey.EcP256("ec-1");

    internal JwksServer Jwks { get; private set; } = null!;

    public async Task InitializeAsync() => Jwks = await JwksServer.StartAsync(RsaKey, EcKey);

    /// <summary>The JWT-enabled proxy shared by the tests (started once).</summary>
    public ProxyFactory Proxy(ManagementFixture management)
    {
        lock (_gate)
        {
            return _proxy ??= StartProxy(management, Jwks.Url);
        }
    }

    /// <summary>Another JWT-enabled proxy, reading keys from <paramref name="jwksUrl"/>.</summary>
    public ProxyFactory StartProxy(ManagementFixture management, Uri jwksUrl)
    {
        ArgumentNullException.ThrowIfNull(management);
        var path = Path.Combine(_folder.FullName, "config.yaml");
        lock (_gate)
        {
            if (!File.Exists(path))
            {
                var config = File.ReadAllText(management.ConfigPath).Replace("general_settings:\n", """
                    general_settings:
                      enable_jwt_auth: true
                      litellm_jwtauth:
                        team_id_jwt_field: "team"
                        user_id_jwt_field: "sub"
                        end_user_id_jwt_field: "customer"
                        public_key_ttl: 600

                    """, StringComparison.Ordinal);
                Assert.Contains("enable_jwt_auth", config, StringComparison.Ordinal);
                File.WriteAllText(path, config);
            }
        }

        return management.StartProxy(new Dictionary<string, string?>
        {
            ["CONFIG_FILE_PATH"] = path,
            ["JWT_PUBLIC_KEY_URL"] = jwksUrl.ToString(),
            ["JWT_AUDIENCE"] = Audience,
        });
    }

    internal static HttpClient Client(ProxyFactory proxy, string bearer)
    {
        var client = proxy.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    public async Task DisposeAsync()
    {
        await Jwks.DisposeAsync();
        RsaKey.Dispose();
        EcKey.Dispose();
        _folder.Delete(recursive: true);
    }
}
