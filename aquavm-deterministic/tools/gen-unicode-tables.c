/* Prints the range tables of UnicodeTables.java. Build: gcc gen-unicode-tables.c -licuuc -licudata (ICU 72). */
#include <stdio.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>
static int isNum(UChar32 c){int t=u_charType(c);return t==U_DECIMAL_DIGIT_NUMBER||t==U_LETTER_NUMBER||t==U_OTHER_NUMBER;}
/* ICU 72 = Unicode 15.0, the version avm.wasm 0.62 was measured to use (it rejects CJK Ext I, new in 15.1) */
static int isAlpha(UChar32 c){ return u_hasBinaryProperty(c,UCHAR_ALPHABETIC);}
static void dump(const char*name,int(*f)(UChar32)){int n=0;printf("%s",name);UChar32 c=0;while(c<=0x10FFFF){if(f(c)){UChar32 s=c;while(c<=0x10FFFF&&f(c))c++;printf("0x%X,0x%X,",s,c-1);n++;}else c++;}printf(" // %d ranges\n",n);}
static int alnum(UChar32 c){return isAlpha(c)||isNum(c);}
int main(){UVersionInfo v;char b[32];u_getUnicodeVersion(v);u_versionToString(v,b);fprintf(stderr,"unicode %s\n",b);dump("ALNUM ",alnum);dump("NUM ",isNum);return 0;}
