using System.IO.Hashing;
using System.Text;

namespace LiteAspire.FakeProvider.Content;

/// <summary>Ids derived from the request's content, so the same request always gets the same id.</summary>
internal static class FakeIds
{
    /// <summary>16 lower-case hex digits of an XxHash64 over the parts.</summary>
    public static string Hex(string model, string text, int size)
    {
        var hash = new XxHash64(size);
        hash.Append(Encoding.UTF8.GetBytes(model));
        hash.Append([0]);
        hash.Append(Encoding.UTF8.GetBytes(text));
        return hash.GetCurrentHashAsUInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>24 hex digits for tool-call style ids (<c>call_</c>, <c>toolu_</c>).</summary>
    public static string Hex24(string seed) =>
        (Hex("tool", seed, 0) + Hex("call", seed, 1))[..24];
}
