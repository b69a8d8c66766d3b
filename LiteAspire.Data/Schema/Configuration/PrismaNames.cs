namespace LiteAspire.Data.Schema.Configuration;

/// <summary>Constraint and index names as Prisma creates them, so a database looks the same whichever tool built it.</summary>
internal static class PrismaNames
{
    // PostgreSQL's identifier limit; Prisma cuts the column part so the suffix survives.
    private const int MaxLength = 63;

    public static string PrimaryKey(string table) => $"{table}_pkey";

    public static string ForeignKey(string table, string column) => Fit($"{table}_{column}", "_fkey");

    public static string Index(string table, params string[] columns) => Fit($"{table}_{string.Join('_', columns)}", "_idx");

    public static string Unique(string table, params string[] columns) => Fit($"{table}_{string.Join('_', columns)}", "_key");

    private static string Fit(string name, string suffix) =>
        name.Length + suffix.Length <= MaxLength ? name + suffix : name[..(MaxLength - suffix.Length)] + suffix;
}
