using System.Security.Cryptography;
using System.Text;

namespace LiteAspire.Proxy.Tests.Providers.Bedrock;

/// <summary>
/// An independent SigV4 computation from AWS's published algorithm, used only to check what AWSSDK.Core's signer
/// produced; validated itself against AWS's documented get-vanilla test vector.
/// </summary>
internal static class SigV4Oracle
{
    public static string Signature(string method, string canonicalPath, string canonicalQuery, SortedDictionary<string, string> headers,
        string payloadHash, string secret, DateTime at, string region, string service)
    {
        var date = at.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var stamp = at.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var canonicalHeaders = new StringBuilder();
        foreach (var (name, value) in headers)
        {
            canonicalHeaders.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        var canonicalRequest = string.Join('\n', method, canonicalPath, canonicalQuery, canonicalHeaders.ToString(), string.Join(';', headers.Keys), payloadHash);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{stamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
