using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Gemini;
using static LiteAspire.Proxy.Tests.Providers.Gemini.GoogleTestData;

namespace LiteAspire.Proxy.Tests.Providers.Gemini;

public class GeminiErrorsTests
{
    [Theory]
    [InlineData("error-rate-limit.json", 429, LiteLLMErrorKind.RateLimitError, 429)]
    [InlineData("error-api-key.json", 400, LiteLLMErrorKind.AuthenticationError, 401)]
    [InlineData("error-token-limit.json", 400, LiteLLMErrorKind.ContextWindowExceededError, 400)]
    public void FromResponse_DocumentedErrors_MapToLiteLLMKinds(string fixture, int upstreamStatus, LiteLLMErrorKind kind, int clientStatus)
    {
        var error = GeminiErrors.FromResponse(upstreamStatus, Fixture(fixture), "gemini");

        Assert.Equal(kind, error.Kind);
        Assert.Equal(clientStatus, error.StatusCode);
    }

    [Theory]
    [InlineData(403, "PERMISSION_DENIED", LiteLLMErrorKind.PermissionDeniedError)]
    [InlineData(401, "UNAUTHENTICATED", LiteLLMErrorKind.AuthenticationError)]
    [InlineData(404, "NOT_FOUND", LiteLLMErrorKind.NotFoundError)]
    [InlineData(400, "INVALID_ARGUMENT", LiteLLMErrorKind.BadRequestError)]
    [InlineData(500, "INTERNAL", LiteLLMErrorKind.APIError)]
    [InlineData(503, "UNAVAILABLE", LiteLLMErrorKind.ServiceUnavailableError)]
    public void FromResponse_GoogleStatus_MapsToKind(int status, string googleStatus, LiteLLMErrorKind kind)
    {
        var body = $$$"""{"error":{"code":{{{status}}},"message":"something went wrong","status":"{{{googleStatus}}}"}}""";

        Assert.Equal(kind, GeminiErrors.FromResponse(status, body, "gemini").Kind);
    }

    [Fact]
    public void FromResponse_Message_IsPrefixedAsLiteLLMDoes()
    {
        var error = GeminiErrors.FromResponse(429, Fixture("error-rate-limit.json"), "vertex_ai");

        Assert.Equal("litellm.RateLimitError: VertexAIException - You exceeded your current quota, please check your plan and billing details.", error.Message);
    }

    [Fact]
    public void FromResponse_StreamArrayBody_ReadsFirstError()
    {
        var error = GeminiErrors.FromResponse(404, """[{"error":{"code":404,"message":"models/nope is not found","status":"NOT_FOUND"}}]""", "gemini");

        Assert.Equal(LiteLLMErrorKind.NotFoundError, error.Kind);
        Assert.Equal("models/nope is not found", error.UpstreamMessage);
    }

    [Fact]
    public void FromResponse_NonJsonBody_KeepsTextAndStatus()
    {
        var error = GeminiErrors.FromResponse(502, "<html>Bad Gateway</html>", "gemini");

        Assert.Equal(LiteLLMErrorKind.InternalServerError, error.Kind);
        Assert.Equal(502, error.StatusCode);
        Assert.Equal("<html>Bad Gateway</html>", error.UpstreamMessage);
    }
}
