using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Bedrock;
using static LiteAspire.Proxy.Tests.Providers.Bedrock.ProviderTestKit;

namespace LiteAspire.Proxy.Tests.Providers.Bedrock;

public class BedrockAuthTests
{
    // AWS's documented example credentials and the test suite's instant.
    private const string KeyId = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset At = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private static ResolvedDeployment Aws(string model = "anthropic.claude-3-sonnet-20240229-v1:0", string? token = null) =>
        Deployment("bedrock", model, parameters: new()
        {
            ["aws_access_key_id"] = KeyId,
            ["aws_secret_access_key"] = Secret,
            ["aws_session_token"] = token,
            ["aws_region_name"] = "us-east-1",
        });

    private static JsonObject Hello(string text = "Hello") => new()
    {
        ["model"] = "anthropic.claude-3-sonnet-20240229-v1:0",
        ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = text } },
    };

    private static string Header(HttpRequestMessage request, string name) => string.Join(",", request.Headers.GetValues(name));

    private static Dictionary<string, string> AuthorizationParts(HttpRequestMessage request)
    {
        var value = Header(request, "Authorization");
        Assert.StartsWith("AWS4-HMAC-SHA256 ", value, StringComparison.Ordinal);
        return value["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }

    [Fact]
    public void Oracle_AwsGetVanillaVector_ReproducesDocumentedSignature()
    {
        var signature = SigV4Oracle.Signature("GET", "/", "",
            new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = "example.amazonaws.com", ["x-amz-date"] = "20150830T123600Z" },
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Secret, At.UtcDateTime, "us-east-1", "service");

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature);
    }

    [Fact]
    public async Task CreateRequest_SigV4Credentials_SignatureMatchesAwsAlgorithm()
    {
        var request = await new BedrockConverseAdapter(new FixedTime(At)).CreateRequestAsync(Chat(Aws(), Hello()), CancellationToken.None);
        var body = await request.Content!.ReadAsByteArrayAsync();
        var parts = AuthorizationParts(request);

        Assert.Equal($"{KeyId}/20150830/us-east-1/bedrock/aws4_request", parts["Credential"]);
        Assert.Equal("host;x-amz-content-sha256;x-amz-date", parts["SignedHeaders"]);
        Assert.Equal("20150830T123600Z", Header(request, "X-Amz-Date"));
        var payloadHash = SigV4Oracle.Hex(SHA256.HashData(body));
        Assert.Equal(payloadHash, Header(request, "X-Amz-Content-SHA256"));
        // Non-S3 services sign the URI path encoded twice: ':' travels as %3A and is signed as %253A.
        Assert.Equal("/model/anthropic.claude-3-sonnet-20240229-v1%3A0/converse", request.RequestUri!.AbsolutePath);
        var expected = SigV4Oracle.Signature("POST", "/model/anthropic.claude-3-sonnet-20240229-v1%253A0/converse", "",
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["host"] = "bedrock-runtime.us-east-1.amazonaws.com",
                ["x-amz-content-sha256"] = payloadHash,
                ["x-amz-date"] = "20150830T123600Z",
            },
            payloadHash, Secret, At.UtcDateTime, "us-east-1", "bedrock");
        Assert.Equal(expected, parts["Signature"]);
    }

    [Fact]
    public async Task CreateRequest_SameTimeAndBody_SignsIdentically()
    {
        var adapter = new BedrockConverseAdapter(new FixedTime(At));

        var first = await adapter.CreateRequestAsync(Chat(Aws(), Hello()), CancellationToken.None);
        var second = await adapter.CreateRequestAsync(Chat(Aws(), Hello()), CancellationToken.None);

        Assert.Equal(Header(first, "Authorization"), Header(second, "Authorization"));
    }

    [Fact]
    public async Task CreateRequest_BodyChanges_SignatureChanges()
    {
        var adapter = new BedrockConverseAdapter(new FixedTime(At));

        var first = await adapter.CreateRequestAsync(Chat(Aws(), Hello("Hello")), CancellationToken.None);
        var second = await adapter.CreateRequestAsync(Chat(Aws(), Hello("Hello!")), CancellationToken.None);

        Assert.NotEqual(AuthorizationParts(first)["Signature"], AuthorizationParts(second)["Signature"]);
        Assert.NotEqual(Header(first, "X-Amz-Content-SHA256"), Header(second, "X-Amz-Content-SHA256"));
    }

    [Fact]
    public async Task CreateRequest_TimeChanges_SignatureChanges()
    {
        var first = await new BedrockConverseAdapter(new FixedTime(At)).CreateRequestAsync(Chat(Aws(), Hello()), CancellationToken.None);
        var second = await new BedrockConverseAdapter(new FixedTime(At.AddSeconds(1))).CreateRequestAsync(Chat(Aws(), Hello()), CancellationToken.None);

        Assert.NotEqual(AuthorizationParts(first)["Signature"], AuthorizationParts(second)["Signature"]);
    }

    [Fact]
    public async Task CreateRequest_SessionToken_SendsAndSignsSecurityToken()
    {
        var request = await new BedrockConverseAdapter(new FixedTime(At)).CreateRequestAsync(Chat(Aws(token: "session-token-123"), Hello()), CancellationToken.None);

        Assert.Equal("session-token-123", Header(request, "X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", AuthorizationParts(request)["SignedHeaders"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRequest_ApiKey_UsesBearerInsteadOfSigV4()
    {
        var deployment = Deployment("bedrock", "anthropic.claude-3-haiku-20240307-v1:0", apiKey: "bedrock-api-key-1",
            parameters: new() { ["aws_region_name"] = "eu-central-1" });

        var request = await new BedrockConverseAdapter().CreateRequestAsync(Chat(deployment, Hello()), CancellationToken.None);

        Assert.Equal("Bearer bedrock-api-key-1", Header(request, "Authorization"));
        Assert.False(request.Headers.Contains("X-Amz-Date"));
        Assert.Equal("bedrock-runtime.eu-central-1.amazonaws.com", request.RequestUri!.Host);
    }

    [Fact]
    public async Task CreateRequest_NoCredentialsAnywhere_AuthenticationErrorWithoutSecrets()
    {
        if (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is not null || Environment.GetEnvironmentVariable("AWS_BEARER_TOKEN_BEDROCK") is not null)
        {
            return; // this machine has AWS credentials in its environment; the adapter would rightly use them
        }

        var deployment = Deployment("bedrock", "amazon.nova-lite-v1:0", parameters: new() { ["aws_region_name"] = "us-east-1" });

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            new BedrockConverseAdapter().CreateRequestAsync(Chat(deployment, Hello()), CancellationToken.None).AsTask());

        Assert.Equal(LiteLLMErrorKind.AuthenticationError, error.Kind);
        Assert.Equal(401, error.StatusCode);
    }
}
