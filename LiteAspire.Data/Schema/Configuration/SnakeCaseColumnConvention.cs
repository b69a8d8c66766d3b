using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace LiteAspire.Data.Schema.Configuration;

/// <summary>
/// Names each column after its property in snake_case (<c>KeyAlias</c> → <c>key_alias</c>), LiteLLM's own names;
/// the few camelCase Prisma columns (<c>"startTime"</c>, ...) are named explicitly in their configuration.
/// </summary>
internal sealed class SnakeCaseColumnConvention : IPropertyAddedConvention
{
    public void ProcessPropertyAdded(IConventionPropertyBuilder propertyBuilder, IConventionContext<IConventionPropertyBuilder> context) =>
        propertyBuilder.HasColumnName(ToSnakeCase(propertyBuilder.Metadata.Name));

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
