using System.Net.Http.Headers;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace LiteAspire.Proxy.Providers.Bedrock;

/// <summary>
/// Authenticates a Bedrock request: a bearer API key (<c>api_key</c> / <c>AWS_BEARER_TOKEN_BEDROCK</c>), or SigV4 with
/// AWSSDK.Core's signer and static credentials from litellm_params or the standard AWS environment variables.
/// </summary>
public static class BedrockAuth
{
    /// <summary>The SigV4 service name of bedrock-runtime.</summary>
    public const string SigningService = "bedrock";

    private const string Provider = "bedrock";

    /// <summary>Adds Authorization (and for SigV4 X-Amz-Date, X-Amz-Content-SHA256, X-Amz-Security-Token) to <paramref name="request"/>.</summary>
    /// <param name="request">The request, with its final URI.</param>
    /// <param name="body">The exact body bytes that will be sent (their hash is signed).</param>
    /// <param name="deployment">The deployment, for credentials.</param>
    /// <param name="region">The signing region.</param>
    /// <param name="signedAt">The signing time (UTC).</param>
    public static void Apply(HttpRequestMessage request, byte[] body, ResolvedDeployment deployment, string region, DateTime signedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deployment);
        var explicitKeyId = deployment.GetString("aws_access_key_id");
        var bearer = NonEmpty(deployment.ApiKey)
            ?? (explicitKeyId is null ? NonEmpty(Environment.GetEnvironmentVariable("AWS_BEARER_TOKEN_BEDROCK")) : null);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            return;
        }

        var credentials = Credentials(deployment, explicitKeyId);
        var signing = new AWSSigningRequest { HttpMethod = request.Method, RequestUri = request.RequestUri, Content = body };
        var result = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(region),
            Service = SigningService,
            SignedAt = signedAt,
        });
        foreach (var (name, value) in result.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private static AWSCredentials Credentials(ResolvedDeployment deployment, string? explicitKeyId)
    {
        // Params win as a set; otherwise the environment's set. Mixing a param key id with an env secret would sign garbage.
        string? keyId, secret, token;
        if (explicitKeyId is not null)
        {
            keyId = explicitKeyId;
            secret = deployment.GetString("aws_secret_access_key");
            token = deployment.GetString("aws_session_token");
        }
        else
        {
            keyId = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
            secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
            token = Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN");
        }

        if (NonEmpty(keyId) is null || NonEmpty(secret) is null)
        {
            throw new ProviderException(LiteLLMErrorKind.AuthenticationError, Provider,
                "No AWS credentials: set aws_access_key_id/aws_secret_access_key (or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), or an api_key / AWS_BEARER_TOKEN_BEDROCK.",
                401);
        }

        return NonEmpty(token) is null
            ? new BasicAWSCredentials(keyId, secret)
            : new SessionAWSCredentials(keyId, secret, token);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
