# PackMime-HTTP in ns-2.35 (Debian package ns2) on the dumbbell of examples/packmime-http.cc,
# with the same TCP settings (Full-TCP Reno, 1460-byte segments, an ACK per segment, window
# 64, initial window 2, drop-tail queues of 1000 packets). Run by bench/http.sh and
# bench/delaybox.sh. With DELAYBOX 1, R1 and R2 are DelayBoxes as in ns-2's pm-delaybox.tcl:
# rules client <-> server with PackMimeHTTPXmit delays (type 0 at R1, 1 at R2), no loss or
# bandwidth limit.
# usage: ns bench/packmime-ns2.tcl RATE DURATION DRAIN HTTP(1.0|1.1) OUTFILE [DELAYBOX(0|1)]
set rate [lindex $argv 0]
set duration [lindex $argv 1]
set drain [lindex $argv 2]
set http [lindex $argv 3]
set outfile [lindex $argv 4]
set delaybox [expr {[llength $argv] > 5 ? [lindex $argv 5] : 0}]

remove-all-packet-headers
add-packet-header IP TCP

Agent/TCP/FullTcp set segsize_ 1460
Agent/TCP/FullTcp set nodelay_ true
Agent/TCP/FullTcp set segsperack_ 1
Agent/TCP set window_ 64
Agent/TCP set windowInit_ 2
Queue set limit_ 1000

set ns [new Simulator]
set client [$ns node]
if {$delaybox} {
    set r1 [$ns DelayBox]
    set r2 [$ns DelayBox]
} else {
    set r1 [$ns node]
    set r2 [$ns node]
}
set server [$ns node]
$ns duplex-link $client $r1 1Gb 1ms DropTail
$ns duplex-link $r1 $r2 100Mb 10ms DropTail
$ns duplex-link $r2 $server 1Gb 1ms DropTail

set pm [new PackMimeHTTP]
$pm set-client $client
$pm set-server $server
$pm set-rate $rate
if {$http == "1.1"} {
    $pm set-1.1
}
$pm set-outfile $outfile
if {$delaybox} {
    set client_delay [new RandomVariable/PackMimeHTTPXmit $rate 0]
    set server_delay [new RandomVariable/PackMimeHTTPXmit $rate 1]
    $r1 add-rule [$client id] [$server id] $client_delay
    $r1 add-rule [$server id] [$client id] $client_delay
    $r2 add-rule [$client id] [$server id] $server_delay
    $r2 add-rule [$server id] [$client id] $server_delay
}

proc finish {} {
    global pm
    puts "pairs [$pm get-pairs]"
    exit 0
}
$ns at 0.0 "$pm start"
$ns at $duration "$pm stop"
$ns at [expr $duration + $drain] "finish"
$ns run
