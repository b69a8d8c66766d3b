using LiteAspire.Proxy.Auth.Jwt;

namespace LiteAspire.Proxy.Tests.Auth.Jwt;

public sealed class JwtShapeTests
{
    [Theory]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", true)]
    [InlineData("a-b_c.d.e", true)]
    [InlineData("sk-1234", false)]
    [InlineData("sk-abc.def", false)]
    [InlineData("a.b.c.d", false)]
    [InlineData("a..c", false)]
    [InlineData("a.b.", false)]
    [InlineData("a.b+/.c", false)]
    [InlineData("", false)]
    public void LooksLikeJwt_Token_ThreeBase64UrlParts(string token, bool expected) => Assert.Equal(expected, JwtShape.LooksLikeJwt(token));
}
