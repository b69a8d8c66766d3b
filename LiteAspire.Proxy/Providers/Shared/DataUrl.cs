namespace LiteAspire.Proxy.Providers.Shared;

/// <summary>Base64 <c>data:</c> URLs, as OpenAI clients send images and files inline.</summary>
public static class DataUrl
{
    /// <summary>Splits <c>data:image/png;base64,AAAA</c> into its media type and base64 payload; false for anything else.</summary>
    public static bool TryParse(string url, out string mediaType, out string base64)
    {
        mediaType = "";
        base64 = "";
        if (!url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var comma = url.IndexOf(',', StringComparison.Ordinal);
        var marker = url.IndexOf(";base64", StringComparison.OrdinalIgnoreCase);
        if (comma < 0 || marker < 0 || marker > comma)
        {
            return false;
        }

        mediaType = url[5..marker];
        base64 = url[(comma + 1)..];
        return true;
    }
}
