using LiteAspire.Proxy.Management.Models;

namespace LiteAspire.Proxy.Tests.Management.Models;

public sealed class LiteLLMSecretBoxTests
{
    private const string Salt = "sk-salt-for-fixture";

    // Written by PyNaCl (the library LiteLLM uses) the way LiteLLM's encrypt_value_helper does:
    // SecretBox(sha256(salt)).encrypt(value), then base64.urlsafe_b64encode (first) or base64.b64encode (second).
    private const string FromLiteLLMUrlSafe = "tpjNeIjaCD1K53DrXDkR-MQ1KdqAF89a74KYnHobQb-KcZLmD-QDGVkupNfl-8Q3wMgzSvK4fpoWpz9VJa4=";
    private const string FromLiteLLMStandard = "EQ9Elau5obWYcGpUVs/QUpf8i0Ouwr2hsMVnNqaf/BAWcAFUtxLVH4RmfYREcwkSAtnDqGYXD6TNM4Mg5r9G";

    [Fact]
    public void TryDecrypt_ValuesLiteLLMStored_ReadBack()
    {
        var box = new LiteLLMSecretBox(Salt);

        Assert.True(box.TryDecrypt(FromLiteLLMUrlSafe, out var apiKey));
        Assert.True(box.TryDecrypt(FromLiteLLMStandard, out var apiBase));

        Assert.Equal("sk-upstream-secret-123", apiKey);
        Assert.Equal("https://example.test/v1", apiBase);
    }

    [Fact]
    public void Encrypt_RoundTrips_WithAFreshNonceEachTime()
    {
        var box = new LiteLLMSecretBox(Salt);

        var first = box.Encrypt("sk-live-key");
        var second = box.Encrypt("sk-live-key");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("sk-live-key", first, StringComparison.Ordinal);
        Assert.DoesNotContain('+', first);
        Assert.DoesNotContain('/', first);
        Assert.True(box.TryDecrypt(first, out var plaintext));
        Assert.Equal("sk-live-key", plaintext);
    }

    [Fact]
    public void TryDecrypt_OtherSecretOrPlainText_False()
    {
        var stored = new LiteLLMSecretBox(Salt).Encrypt("sk-live-key");

        Assert.False(new LiteLLMSecretBox("another-salt").TryDecrypt(stored, out _));
        Assert.False(new LiteLLMSecretBox(Salt).TryDecrypt("openai/gpt-4o", out _));
        Assert.False(new LiteLLMSecretBox(Salt).TryDecrypt("aGVsbG8gd29ybGQgdGhpcyBpcyBub3QgYSBib3ggYXQgYWxsIHJlYWxseQ==", out _));
        Assert.False(new LiteLLMSecretBox(null).CanEncrypt);
        Assert.False(new LiteLLMSecretBox(null).TryDecrypt(stored, out _));
    }
}
