using static Atlas.Exports.SearchIndexWriter;

namespace Atlas.Tests.Search;

/// <summary>
/// A search document's terms are its own text's and those of what it links to (host cities, its collection), kept in
/// two sets; the index must see each term once, with the field of the stronger set (on a tie, its own text's code,
/// which for a name also carries the name's length).
/// </summary>
public sealed class SearchDocumentTermsTests
{
    [Fact]
    public void Each_term_appears_once_with_the_stronger_field_of_the_two_sets()
    {
        var ownNameCode = OwnName + 4 * 3; // a name's code carries its length above the field's two bits
        var own = new Dictionary<string, int>
        {
            ["高竹"] = ownNameCode, // also a linked name, weaker there: the name stays
            ["广安"] = Body, // also a linked name, stronger there: the linked field wins
            ["新区"] = Summary, // also linked with the same field: its own code stays
            ["合作"] = Body, // only its own
        };
        var linked = new Dictionary<string, int>
        {
            ["高竹"] = Body,
            ["广安"] = Summary,
            ["新区"] = Summary + 4,
            ["园区"] = Summary, // only linked
        };
        var document = new SearchDocument("", "", "", "", "", 0, own, new Dictionary<string, int>()) { LinkedTerms = linked };

        var terms = document.AllTerms().ToList();

        Assert.Equal(terms.Count, terms.Select(t => t.Term).Distinct().Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["高竹"] = ownNameCode,
            ["广安"] = Summary,
            ["新区"] = Summary,
            ["合作"] = Body,
            ["园区"] = Summary,
        }, terms.ToDictionary(t => t.Term, t => t.Code));
    }

    [Fact]
    public void A_document_without_linked_terms_has_its_own()
    {
        var own = new Dictionary<string, int> { ["成都"] = OtherName, ["园区"] = Body };
        var document = new SearchDocument("", "", "", "", "", 0, own, new Dictionary<string, int>());

        Assert.Equal(own, document.AllTerms().ToDictionary(t => t.Term, t => t.Code));
    }
}
