package org.corroborate.gen;

/** Word lists shared by every event kind: names, places, organisations, generic sentences. */
final class Lexicon {

  private Lexicon() {}

  static final String[] FIRST_NAMES = split("""
      James Maria Ahmed Olga Chen Fatima Lucas Amara Pedro Ingrid Kofi Yuki Daniel Sofia Rahul Elena
      Tomasz Grace Mehmet Laura Samuel Aisha Jonas Carmen Viktor Nadia Oliver Leila Mateo Hannah
      Arjun Claire Dmitri Zainab Patrick Mei Gabriel Anika Hugo Chiara Kwame Ruth Felipe Ines Marcus
      Priya Stefan Julia Omar Lena Benjamin Rosa Kenji Alice Tariq Nora Andre Helen Ibrahim Eva Liam
      Sara Nikolai Joy Emil Beatriz Malik Teresa Hassan Freya Diego Miriam Ravi Agnes Victor Celine
      """);

  static final String[] LAST_NAMES = split("""
      Okafor Lindqvist Moreau Haddad Kowalski Tanaka Fernandes Mensah Novak Schultz Ramirez Petrov
      Osei Delacroix Varga Nakamura Brennan Abdullah Whitfield Castillo Johansson Mwangi Rossi Kaplan
      Baptiste Sørensen Ivanova Mahlangu Costa Hoffmann Nguyen Adeyemi Lund Santos Keller Dubois Cho
      Marchetti Aydin Fischer Obi Larsen Quinn Romero Sandoval Weber Gallagher Hakimi Patel Duarte
      Ferreira Kovacs Lambert Mbeki Nilsson Ortega Price Reyes Strand Tavares Umar Vasquez Walsh Young
      Zielinski Achebe Bauer Carver Dunmore Eklund Fontaine Grewal Horvath Ishikawa Jablonski Kariuki
      Lowe Moyo Navarro Okonkwo Pereira Rahman Sato Thorne Ulrich Vance Wekesa Yilmaz Zhou Ashworth
      """);

  /** City and country pairs. */
  static final String[][] PLACES = pairs("""
      Lisbon,Portugal Porto,Portugal Madrid,Spain Valencia,Spain Seville,Spain Lyon,France
      Marseille,France Nantes,France Milan,Italy Naples,Italy Turin,Italy Athens,Greece
      Thessaloniki,Greece Izmir,Turkey Ankara,Turkey Bursa,Turkey Krakow,Poland Gdansk,Poland
      Brno,Czechia Graz,Austria Leipzig,Germany Hamburg,Germany Bern,Switzerland
      Antwerp,Belgium Gothenburg,Sweden Bergen,Norway Tampere,Finland Cork,Ireland Glasgow,Scotland
      Manchester,England Bristol,England Cardiff,Wales Nairobi,Kenya Mombasa,Kenya Lagos,Nigeria
      Abuja,Nigeria Accra,Ghana Kumasi,Ghana Durban,South_Africa Cape_Town,South_Africa Casablanca,Morocco
      Tunis,Tunisia Cairo,Egypt Amman,Jordan Karachi,Pakistan Lahore,Pakistan Pune,India Chennai,India
      Kolkata,India Dhaka,Bangladesh Colombo,Sri_Lanka Kathmandu,Nepal Osaka,Japan Sendai,Japan
      Busan,South_Korea Taichung,Taiwan Hanoi,Vietnam Phuket,Thailand Surabaya,Indonesia
      Bandung,Indonesia Penang,Malaysia Da_Nang,Vietnam Chiang_Mai,Thailand Perth,Australia
      Adelaide,Australia Christchurch,New_Zealand Vancouver,Canada Winnipeg,Canada Halifax,Canada
      Calgary,Canada Quebec,Canada Guadalajara,Mexico Tijuana,Mexico
      Monterrey,Mexico Puebla,Mexico Medellin,Colombia Cali,Colombia Quito,Ecuador Cusco,Peru
      Valparaiso,Chile Rosario,Argentina Cordoba,Argentina Recife,Brazil Curitiba,Brazil Salvador,Brazil
      """);

  static final String[] ORG_PREFIXES = split("""
      Northwind Aldermoor Bluecrest Halvard Meridian Stonebridge Corvane Ironvale Lumora Redfern
      Silverline Tidewater Eastgate Brightwater Kestrel Oakhurst Pinnacle Quayside Ravensworth Solent
      Trenholm Upland Vantor Westmark Zephyr Ashcombe Belmont Cresthaven Drummond Everholt Fairmount
      Greyfield Harrowgate Inglewood Juniper Kingsley Larchmont Marlow Norcastle Orwell
      """);

  static final String[] WEEKDAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };

  static final String[] MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"
  };

  /** Outlet names: an adjective and a masthead noun; the host is both, lowercased, + ".example". */
  static final String[] OUTLET_ADJECTIVES = split("""
      Daily Morning Evening Metro National Coastal Valley Northern Southern Eastern Western Capital
      Harbour Union Central Highland Lakeside Riverside Frontier Continental
      """);

  static final String[] OUTLET_NOUNS = split("""
      Herald Tribune Gazette Courier Post Times Chronicle Observer Ledger Sentinel Dispatch Record
      Journal Star Bulletin Examiner Telegraph Monitor Standard Express Mirror Argus Beacon Register
      """);

  /** Boilerplate lines an outlet repeats under many of its articles; {@code <outlet>} is its name. */
  static final String[] BOILERPLATE = {
    "Follow <outlet> on social media for the latest updates.",
    "Sign up for the <outlet> morning newsletter to get the day's top stories in your inbox.",
    "Copyright <year> <outlet>. All rights reserved. This material may not be republished without permission.",
    "Have a news tip? Contact the <outlet> newsroom at <host>/tips.",
    "Support independent journalism: subscribe to <outlet> today.",
    "This article was amended on publication to include additional reporting.",
    "Read more: the latest news and analysis from <outlet>.",
    "Download the <outlet> app for breaking news alerts.",
    "<outlet> welcomes corrections; write to the standards editor at <host>/corrections.",
    "Listen to the <outlet> daily podcast wherever you get your podcasts.",
  };

  /** Lines that republishers put at the end of a copied wire story. */
  static final String[] COPY_FOOTERS = {
    "Follow us on social media for more stories like this.",
    "Additional reporting by staff writers.",
    "This story has been updated with new information.",
    "Reporting by wire staff; editing by the news desk.",
    "Follow us on <outlet> channels for breaking news.",
    "The article has been republished with permission.",
  };

  /** Words a republisher changes here and there (both directions are used). */
  static final String[][] COPY_SWAPS = {
    {"said", "stated"}, {"about", "around"}, {"officials", "authorities"}, {"people", "residents"},
    {"centre", "center"}, {"nearly", "almost"}, {"began", "started"}, {"big", "large"},
    {"also", "additionally"}, {"told", "informed"}, {"expected", "likely"}, {"several", "a number of"},
    {"while", "whilst"}, {"though", "although"}, {"help", "assist"}, {"show", "indicate"},
  };

  /**
   * Sentences that fit any event kind. Slots: {@code <topic>} (the event named by a noun phrase),
   * {@code <city>}, {@code <country>}, {@code <day>}, {@code <date>}.
   */
  static final String[] GENERIC = {
    "{Officials|Authorities} in <city> said {more details|further information} would be released {later in the day|in the coming days|at a briefing on <day>}.",
    "{It was not immediately clear|It remained unclear} {how|whether} <topic> would affect {daily life|local businesses|public services} in <city> {over the coming weeks|in the longer term}.",
    "{The news|Word of <topic>} spread quickly on social media, where {residents|users} shared {photos|videos|messages} {from the scene|throughout the day}.",
    "{Local|Regional} media in <country> {described|called} <topic> {one of the most significant|among the most closely watched} {events|developments} of the year.",
    "{Neighbouring governments|Foreign embassies|International observers} said they were {following|monitoring} {the situation|developments} {closely|carefully}.",
    "{The story|The issue} has {dominated|led} {headlines|front pages} in <country> {since <day>|all week|for several days}.",
    "{Opposition politicians|Critics} {called for|demanded} {an independent review|a full inquiry|greater transparency} {into <topic>|after <topic>}.",
    "{Analysts|Observers} said <topic> {could have|was likely to have} {lasting|far-reaching|significant} {consequences|effects} {for <country>|for the wider region}.",
    "{A spokesperson|A spokeswoman|A spokesman} for the {government|interior ministry|prime minister's office} {declined to comment|did not respond to requests for comment} {on <topic>|on Thursday|on <day>}.",
    "{The|This} {week|month} has {already|also} seen {heavy|unusual} {traffic|pressure} on {emergency lines|public services|local authorities} in <city>.",
    "{Many|Some} residents of <city> said they {had not expected|were surprised by|were still coming to terms with} <topic>.",
    "{Schools|Several shops|Some offices} in {central|parts of} <city> {remained closed|opened late|stayed shut} on <day> {as a precaution|amid the uncertainty}.",
    "{Reporters|Journalists} {gathered|waited} {outside|near} {the main government building|city hall|the headquarters} in <city> {for much of <day>|into the evening}.",
    "{Markets|Investors} in <country> {reacted cautiously|showed little reaction|were unsettled} {to the news|as details emerged}.",
    "<topic> {comes|came} at a {sensitive|difficult|busy} time for <country>, which {is preparing for|faces} {a budget debate|a series of local votes|a slowing economy}.",
    "{Television footage|Images broadcast by local channels} showed {crowds|people|officials} {gathered|standing} {in the streets|outside} of <city>.",
    "{More information|Further updates} {is|are} expected {once officials have assessed the situation|after a meeting of senior officials|later this week}.",
    "{Community groups|Charities|Volunteers} in <city> {offered|organised} {support|food and shelter|help} for those {affected|most affected}.",
    "The last time <country> saw {anything similar|a comparable event} was {more than a decade ago|in the early 2000s|several years ago}, {according to historians|local records show|officials said}.",
    "{Questions remain|There are still questions} about {how officials handled|the response to|the timing of} <topic>.",
    "{In|Across} <city>, {conversations|discussions} on {buses|cafe terraces|radio phone-ins} {turned to|were dominated by} <topic>.",
    "{A government source|One senior official}, {speaking on condition of anonymity|who asked not to be named}, said {the coming days would be critical|lessons would have to be learned|a decision could come quickly}.",
    "{The mayor of <city>|City officials} {urged|asked} {residents|people} to {stay calm|follow official guidance|avoid spreading rumours}.",
    "{Newspapers|Commentators} in <country> {were divided|disagreed} over {what <topic> means|the significance of <topic>} for the {country|government}.",
    "{Details|Many details} of <topic> {could not be independently verified|were still emerging} on <day>.",
    "{Weather|Road|Rail} conditions {in and around|near} <city> {were reported to be normal|added to the difficulties} on <day>.",
    "<topic> {was discussed|came up} {at a cabinet meeting|in parliament|at a press conference} in <country> on <day>.",
    "{Experts|Academics} {cautioned|warned} against {drawing quick conclusions|reading too much into early figures} {about <topic>|so soon}.",
  };

  /** Ways to report a quotation: {@code <q>} is the quote, {@code <who>} the speaker, {@code <title>}. */
  static final String[] QUOTE_FRAMES = {
    "\"<q>,\" {said|says} <who>, <title>.",
    "<who>, <title>, said: \"<q>.\"",
    "\"<q>,\" <who> {told reporters|told a news conference|said in a statement|told local radio}.",
    "{Speaking to reporters|In a statement|In an interview}, <who>, <title>, said: \"<q>.\"",
  };

  /** Closing sentences. */
  static final String[] CLOSINGS = {
    "{The situation|The story} {is developing|remains fluid} and {this article|this report} {will be updated|may be updated}.",
    "{Further|More} {details|updates} {are expected|will follow} {later|in the coming days}.",
    "{Officials|Authorities} {were due to|will} {give another update|hold a further briefing} on {<day>|the following day}.",
    "{It is|This is} {not the first time|the latest in a series of events} {that has drawn attention to|to focus attention on} <city>.",
  };

  static String[] split(String text) {
    return text.trim().split("\\s+");
  }

  private static String[][] pairs(String text) {
    String[] items = split(text);
    String[][] out = new String[items.length][];
    for (int i = 0; i < items.length; i++) {
      String[] pair = items[i].split(",");
      out[i] = new String[] {pair[0].replace('_', ' '), pair[1].replace('_', ' ')};
    }
    return out;
  }
}
