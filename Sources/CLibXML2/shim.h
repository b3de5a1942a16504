// libxml2 for Swift. libxml2's headers pull in ICU when LIBXML_ICU_ENABLED is set, and ICU's
// types clash with the copy Foundation bundles ("'UErrorCode' has different definitions in
// different modules"). talks never uses libxml2's ICU encoders, so the macro is dropped
// before the rest of the headers are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
