namespace LiteAspire.FakeProvider.Providers;

/// <summary>Cohere's rerank shape, served at Cohere's <c>/v2/rerank</c> and at <c>/v1/rerank</c> (as LiteLLM's rerank speaks it).</summary>
internal static class RerankEndpoints
{
    public static async Task RerankAsync(HttpContext context, GatedRequest request)
    {
        var root = request.Root;
        var query = OpenAIRequests.String(root, "query") ?? "";
        var documents = new List<string>();
        if (root.TryGetProperty("documents", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                documents.Add(item.ValueKind == JsonValueKind.String ? item.GetString() ?? "" : ChatInput.TextOf(item));
            }
        }

        var scores = new (int Index, double Score)[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            scores[i] = (i, Score(query, documents[i]));
        }

        // Highest score first, ties by index, so the order is stable.
        Array.Sort(scores, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        var topN = Math.Min(OpenAIRequests.Int(root, "top_n") ?? documents.Count, documents.Count);
        var returnDocuments = OpenAIRequests.Bool(root, "return_documents");
        var json = JsonReply.Start();
        json.WriteStartObject();
        json.WriteString("id", "rerank-fake" + FakeIds.Hex("rerank", query, documents.Count));
        json.WriteStartArray("results");
        for (var i = 0; i < topN; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("index", scores[i].Index);
            json.WriteNumber("relevance_score", scores[i].Score);
            if (returnDocuments)
            {
                json.WriteStartObject("document");
                json.WriteString("text", documents[scores[i].Index]);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        CohereEndpoints.WriteMeta(json, "search_units", 1);
        json.WriteEndObject();
        await JsonReply.SendAsync(context);
    }

    /// <summary>Share of the query's words found in the document, nudged by position so scores rarely tie.</summary>
    private static double Score(string query, string document)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return 0;
        }

        var hits = 0;
        foreach (var word in words)
        {
            if (document.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                hits++;
            }
        }

        return Math.Round((double)hits / words.Length * 0.9 + 0.1 / (1 + document.Length / 100.0), 6);
    }
}
