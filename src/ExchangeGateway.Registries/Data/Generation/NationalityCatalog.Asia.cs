namespace ExchangeGateway.Registries.Data.Generation;

internal static partial class NationalityCatalog
{
    private static IEnumerable<NationalityProfile> Asia()
    {
        yield return new NationalityProfile
        {
            Code = "TUR", Weight = 55, FemaleShare = 0.35, PersonalNumber = PersonalNumberScheme.TurkishIdentityNumber,
            DocumentNumberPatterns = ["U########"],
            MaleGivenNames = ["Mehmet", "Mustafa", "Ahmet", "Ali", "Huseyin", "Hasan", "Ibrahim", "Emre", "Murat",
                "Burak", "Omer", "Yusuf"],
            FemaleGivenNames = ["Fatma", "Ayse", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Sultan", "Esra",
                "Merve", "Ozlem", "Derya"],
            Surnames = Surnames("Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Yildiz", "Yildirim", "Ozturk",
                "Aydin", "Ozdemir", "Arslan", "Dogan", "Kilic", "Aslan", "Cetin", "Kara"),
        };
        yield return new NationalityProfile
        {
            // Many Israelis in Moldova are medical students.
            Code = "ISR", Weight = 35, StudyShare = 0.6, PermitShare = 0.45, DocumentNumberPatterns = ["3#######"],
            MaleGivenNames = ["David", "Yosef", "Moshe", "Daniel", "Avraham", "Itai", "Noam", "Ariel", "Eitan",
                "Omer", "Yonatan", "Uri"],
            FemaleGivenNames = ["Noa", "Tamar", "Maya", "Shira", "Yael", "Michal", "Sarah", "Adi", "Talia", "Rivka",
                "Hila", "Avigail"],
            Surnames = Surnames("Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Dahan", "Avraham", "Friedman",
                "Azoulay", "Malka", "Katz", "Shapiro", "Ben David", "Goldstein"),
        };
        yield return new NationalityProfile
        {
            Code = "AZE", Weight = 20, FemaleShare = 0.35, DocumentNumberPatterns = ["C0#######"],
            MaleGivenNames = ["Elvin", "Rashad", "Orkhan", "Farid", "Tural", "Ramil", "Elnur", "Kamran", "Anar",
                "Vugar", "Emil", "Ilkin"],
            FemaleGivenNames = ["Leyla", "Aygun", "Gunel", "Nigar", "Sevinj", "Aysel", "Narmin", "Lala", "Ulviyya",
                "Konul", "Fidan", "Samira"],
            Surnames = Surnames("Mammadov/Mammadova", "Aliyev/Aliyeva", "Huseynov/Huseynova", "Hasanov/Hasanova",
                "Guliyev/Guliyeva", "Ismayilov/Ismayilova", "Abbasov/Abbasova", "Babayev/Babayeva",
                "Jafarov/Jafarova", "Rzayev/Rzayeva"),
        };
        yield return new NationalityProfile
        {
            Code = "GEO", Weight = 10, DocumentNumberPatterns = ["##@@#####"],
            MaleGivenNames = ["Giorgi", "Davit", "Levan", "Irakli", "Nikoloz", "Luka", "Zurab", "Tornike", "Lasha",
                "Sandro"],
            FemaleGivenNames = ["Nino", "Mariam", "Ana", "Tamar", "Natia", "Salome", "Ketevan", "Eka", "Tamta",
                "Nana"],
            Surnames = Surnames("Beridze", "Kapanadze", "Gelashvili", "Maisuradze", "Giorgadze", "Lomidze",
                "Tsiklauri", "Bolkvadze", "Kvaratskhelia", "Nozadze"),
        };
        yield return new NationalityProfile
        {
            Code = "ARM", Weight = 10, DocumentNumberPatterns = ["A@#######"],
            MaleGivenNames = ["Armen", "Aram", "Davit", "Hayk", "Narek", "Tigran", "Gevorg", "Arman", "Karen",
                "Vahe"],
            FemaleGivenNames = ["Anna", "Mariam", "Ani", "Lilit", "Nare", "Anahit", "Gayane", "Lusine", "Arpi",
                "Siranush"],
            Surnames = Surnames("Grigoryan", "Harutyunyan", "Sargsyan", "Hovhannisyan", "Khachatryan", "Petrosyan",
                "Hakobyan", "Vardanyan", "Karapetyan", "Gevorgyan"),
        };
        yield return new NationalityProfile
        {
            Code = "UZB", Weight = 20, FemaleShare = 0.3, PermitShare = 0.5, StudyShare = 0.1,
            DocumentNumberPatterns = ["FA#######", "AA#######"],
            MaleGivenNames = ["Aziz", "Bekzod", "Jasur", "Sardor", "Otabek", "Rustam", "Sherzod", "Ulugbek",
                "Jamshid", "Dilshod", "Akmal", "Timur"],
            FemaleGivenNames = ["Dilnoza", "Nilufar", "Gulnora", "Madina", "Malika", "Shahnoza", "Zarina", "Feruza",
                "Nodira", "Sevara", "Kamola", "Dildora"],
            Surnames = Surnames("Karimov/Karimova", "Rakhimov/Rakhimova", "Yusupov/Yusupova",
                "Abdullayev/Abdullayeva", "Tursunov/Tursunova", "Ergashev/Ergasheva", "Nazarov/Nazarova",
                "Saidov/Saidova", "Mirzayev/Mirzayeva", "Umarov/Umarova"),
        };
        yield return new NationalityProfile
        {
            Code = "KAZ", Weight = 10, DocumentNumberPatterns = ["N########"],
            MaleGivenNames = ["Nursultan", "Yerlan", "Daniyar", "Arman", "Askar", "Bauyrzhan", "Nurlan", "Ruslan",
                "Timur", "Aidar"],
            FemaleGivenNames = ["Aigerim", "Dana", "Aruzhan", "Gulnara", "Asel", "Dinara", "Saule", "Madina",
                "Ainur", "Zhanna"],
            Surnames = Surnames("Nurlanov/Nurlanova", "Abenov/Abenova", "Suleimenov/Suleimenova",
                "Akhmetov/Akhmetova", "Iskakov/Iskakova", "Zhumabayev/Zhumabayeva", "Omarov/Omarova", "Seitkali",
                "Kassymov/Kassymova", "Bekov/Bekova"),
        };
        yield return new NationalityProfile
        {
            Code = "CHN", Weight = 20, Consulates = [Consulate.Beijing, Consulate.EVisa],
            DocumentNumberPatterns = ["E########", "EA#######"],
            MaleGivenNames = ["Wei", "Jun", "Hao", "Lei", "Yang", "Jie", "Tao", "Ming", "Qiang", "Jian", "Bo",
                "Chao"],
            FemaleGivenNames = ["Fang", "Jing", "Li", "Min", "Xiu", "Yan", "Na", "Hui", "Ying", "Xiaoyan", "Lina",
                "Mei"],
            Surnames = Surnames("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
                "Sun", "Ma", "Zhu", "Hu"),
        };
        yield return new NationalityProfile
        {
            // Most Indians in Moldova study medicine.
            Code = "IND", Weight = 25, FemaleShare = 0.4, PermitShare = 0.6, StudyShare = 0.75,
            Consulates = [Consulate.NewDelhi, Consulate.EVisa], DocumentNumberPatterns = ["@#######"],
            MaleGivenNames = ["Rahul", "Amit", "Arjun", "Vikram", "Rohan", "Aditya", "Karan", "Sanjay", "Rajesh",
                "Suresh", "Ankit", "Pranav"],
            FemaleGivenNames = ["Priya", "Anjali", "Pooja", "Neha", "Divya", "Kavya", "Sneha", "Ananya", "Shreya",
                "Ritu", "Meera", "Aishwarya"],
            Surnames = Surnames("Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Reddy", "Nair", "Iyer",
                "Das", "Mehta", "Joshi", "Rao", "Chopra", "Menon"),
        };
        yield return new NationalityProfile
        {
            Code = "IRN", Weight = 10, Consulates = [Consulate.EVisa, Consulate.Ankara],
            DocumentNumberPatterns = ["@########"],
            MaleGivenNames = ["Mohammad", "Ali", "Hossein", "Reza", "Mehdi", "Amir", "Hamid", "Saeed", "Arash",
                "Babak"],
            FemaleGivenNames = ["Fatemeh", "Zahra", "Maryam", "Narges", "Sara", "Leila", "Shirin", "Parisa",
                "Nazanin", "Mina"],
            Surnames = Surnames("Mohammadi", "Hosseini", "Ahmadi", "Rezaei", "Moradi", "Karimi", "Jafari",
                "Rahimi", "Hashemi", "Ghorbani"),
        };
        yield return new NationalityProfile
        {
            Code = "VNM", Weight = 8, Consulates = [Consulate.EVisa, Consulate.Beijing],
            DocumentNumberPatterns = ["C#######", "N#######"],
            MaleGivenNames = ["Van Minh", "Van Hung", "Anh Tuan", "Minh Duc", "Hoang Nam", "Van Quang",
                "Thanh Long", "Duc Huy", "Van Thanh", "Dang Khoa"],
            FemaleGivenNames = ["Thi Lan", "Thi Huong", "Thuy Linh", "Thi Mai", "Thu Trang", "Thi Thu",
                "Bich Ngoc", "Thi Phuong", "Thi Hoa", "Ngoc Anh"],
            Surnames = Surnames("Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do"),
        };
        yield return new NationalityProfile
        {
            Code = "SYR", Weight = 15, FemaleShare = 0.4, ChildShare = 0.12,
            Consulates = [Consulate.EVisa, Consulate.Ankara], DocumentNumberPatterns = ["N0#######"],
            MaleGivenNames = ["Mohammad", "Ahmad", "Omar", "Khaled", "Mahmoud", "Ali", "Hussein", "Yousef",
                "Abdullah", "Hasan", "Fadi", "Samer"],
            FemaleGivenNames = ["Fatima", "Aisha", "Maryam", "Rana", "Lina", "Huda", "Noor", "Zeinab", "Hala",
                "Rasha", "Reem", "Sara"],
            Surnames = Surnames("Al Ahmad", "Al Hassan", "Hamdan", "Haddad", "Khoury", "Nasser", "Saleh", "Darwish",
                "Al Hussein", "Kassab", "Mansour", "Shami", "Youssef", "Ibrahim"),
        };
        yield return new NationalityProfile
        {
            Code = "IRQ", Weight = 10, FemaleShare = 0.35, Consulates = [Consulate.EVisa, Consulate.Doha],
            DocumentNumberPatterns = ["A########"],
            MaleGivenNames = ["Mustafa", "Ali", "Hussein", "Ahmed", "Haider", "Abbas", "Omar", "Karrar", "Mohammed",
                "Zaid"],
            FemaleGivenNames = ["Zahraa", "Fatima", "Noor", "Maryam", "Ruqaya", "Hawraa", "Sara", "Ban", "Shahad",
                "Duaa"],
            Surnames = Surnames("Al Jubouri", "Al Obaidi", "Al Tamimi", "Al Dulaimi", "Kadhim", "Jasim", "Hamid",
                "Abdullah", "Saleh", "Al Rubaie"),
        };
    }
}
