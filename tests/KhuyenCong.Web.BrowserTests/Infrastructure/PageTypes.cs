namespace KhuyenCong.Web.BrowserTests.Infrastructure;

/// <summary>Every kind of public page, by a short name; article, topic and tag URLs are found on the running site.</summary>
public static class PageTypes
{
    public const string NotFoundUrl = "/trang-khong-ton-tai";

    public static readonly IReadOnlyDictionary<string, string> FixedUrls = new Dictionary<string, string>
    {
        ["home"] = "/",
        ["news-list"] = "/tin-tuc",
        ["documents"] = "/van-ban",
        ["document"] = "/van-ban/quyet-dinh-1625-qd-ubnd",
        ["products"] = "/san-pham",
        ["search"] = "/tim-kiem?q=dao+tao",
        ["static-page"] = "/gioi-thieu-trang",
        ["program"] = "/chuong-trinh",
        ["program-detail"] = "/chuong-trinh/so-lieu",
        ["sub-page"] = "/chuong-trinh/kinh-phi",
        ["contact"] = "/lien-he",
        ["english"] = "/english",
        ["not-found"] = NotFoundUrl,
        ["tv-list"] = "/truyen-hinh",
        ["showrooms"] = "/phong-trung-bay",
        ["fairs"] = "/hoi-cho",
        ["registration-start"] = "/dang-ky-ho-tro",
        ["registration-privacy"] = "/dang-ky-ho-tro/chinh-sach-du-lieu",
        ["registration-lookup"] = "/dang-ky-ho-tro/tra-cuu",
        ["registration-ineligible"] = "/dang-ky-ho-tro/khong-du-dieu-kien",
        ["open-data"] = "/api",
        ["qa-list"] = "/hoi-dap",
        ["qa-ask"] = "/hoi-dap/dat-cau-hoi",
        ["qa-lookup"] = "/hoi-dap/tra-cuu",
        ["qa-privacy"] = "/hoi-dap/chinh-sach-du-lieu",
        ["subscribe"] = "/nhan-tin",
        ["subscribe-sent"] = "/nhan-tin/da-gui",
        ["program-content-1"] = "/chuong-trinh/noi-dung/mo-hinh-trinh-dien-may-moc",
        ["program-content-2"] = "/chuong-trinh/noi-dung/san-pham-cong-nghiep-nong-thon",
        ["program-content-3"] = "/chuong-trinh/noi-dung/lien-ket-cum-cong-nghiep",
        ["program-content-4"] = "/chuong-trinh/noi-dung/nguon-nhan-luc",
        ["program-content-5"] = "/chuong-trinh/noi-dung/tu-van-thong-tin-truyen-thong",
        ["program-content-6"] = "/chuong-trinh/noi-dung/nang-luc-to-chuc-thuc-hien",
    };

    public static readonly IReadOnlyList<string> Names =
        ["home", "news-list", "article", "topic", "tag", "documents", "document", "search", "products", "product", "producer", "static-page", "program", "program-detail", "program-content-1", "program-content-2", "program-content-3", "program-content-4", "program-content-5", "program-content-6", "sub-page", "contact", "english", "not-found",
         "tv-list", "tv-segment", "showrooms", "showroom", "fairs", "fair",
         "registration-start", "registration-privacy", "registration-lookup", "registration-ineligible", "open-data",
         "qa-list", "qa-ask", "qa-lookup", "qa-privacy",
         "subscribe", "subscribe-sent", .. SubscriptionFixture.PageTypes];

    /// <summary>Item pages found from the first link on their list page (real content arrives with content/).</summary>
    public static readonly IReadOnlyDictionary<string, (string List, string Prefix)> FromLists = new Dictionary<string, (string, string)>
    {
        ["tv-segment"] = ("/truyen-hinh", "/truyen-hinh/"),
        ["showroom"] = ("/phong-trung-bay", "/phong-trung-bay/"),
        ["fair"] = ("/hoi-cho", "/hoi-cho/"),
    };

    public static TheoryData<string> All => new(Names);

    /// <summary>Each page type at the desktop (1280×800) and phone (360×740) sizes.</summary>
    public static TheoryData<string, string> AllAtBothSizes
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in Names)
            {
                data.Add(name, "desktop");
                data.Add(name, "phone");
            }

            return data;
        }
    }

    public static ViewportSize Size(string name) => name == "phone" ? BrowserGate.Phone : BrowserGate.Desktop;
}
