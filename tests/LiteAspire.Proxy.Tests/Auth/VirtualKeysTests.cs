using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Tests.Auth;

public class VirtualKeysTests
{
    [Fact]
    public void Generate_GivesSkPrefixedUrlSafeKeysOf22CharactersAfterThePrefix_NeverTheSame()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => VirtualKeys.Generate()).ToList();

        Assert.All(keys, key =>
        {
            Assert.StartsWith("sk-", key, StringComparison.Ordinal);
            Assert.Equal(22, key.Length - 3);
            Assert.Matches("^sk-[A-Za-z0-9_-]+$", key);
        });
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Hash_IsLowercaseSha256HexOfTheWholeKey()
    {
        // sha256("sk-1234"), as LiteLLM's hash_token stores it.
        Assert.Equal("88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b", VirtualKeys.Hash("sk-1234"));
    }

    [Fact]
    public void ToToken_HashesAKeyButKeepsAStoredToken()
    {
        var token = VirtualKeys.Hash("sk-abc");

        Assert.Equal(token, VirtualKeys.ToToken("sk-abc"));
        Assert.Equal(token, VirtualKeys.ToToken(token.ToUpperInvariant()));
        Assert.False(VirtualKeys.IsHash("sk-abc"));
    }

    [Fact]
    public void DisplayName_ShowsOnlyTheLastFourCharacters()
    {
        Assert.Equal("sk-...wxyz", VirtualKeys.DisplayName("sk-abcdefghijklmnopqrstuvwxyz"));
    }
}
