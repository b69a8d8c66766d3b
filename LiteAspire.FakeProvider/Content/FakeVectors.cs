using System.IO.Hashing;
using System.Text;

namespace LiteAspire.FakeProvider.Content;

/// <summary>Deterministic unit-length embedding vectors: the same text and size always give the same floats.</summary>
internal static class FakeVectors
{
    public const int DefaultDimensions = 8;

    public static float[] For(string text, int dimensions)
    {
        var vector = new float[Math.Max(1, dimensions)];
        var state = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(text)) | 1;
        double sum = 0;
        for (var i = 0; i < vector.Length; i++)
        {
            // xorshift64*: a cheap, stable sequence seeded by the text.
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            var next = state * 2685821657736338717UL;
            var value = (float)(((next >> 11) * (1.0 / (1UL << 53))) * 2 - 1);
            vector[i] = value;
            sum += value * value;
        }

        var norm = (float)Math.Sqrt(sum);
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }

    /// <summary>Writes a vector as a bare JSON array of numbers (after a property name, or as an array item).</summary>
    public static void Write(Utf8JsonWriter json, float[] vector)
    {
        json.WriteStartArray();
        foreach (var value in vector)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>Writes one vector array per text (Cohere's and Ollama's list of lists); returns the texts' characters, which the token count derives from.</summary>
    public static int WriteEach(Utf8JsonWriter json, List<string> texts, int dimensions)
    {
        var characters = 0;
        foreach (var text in texts)
        {
            characters += text.Length;
            Write(json, For(text, dimensions));
        }

        return characters;
    }
}
