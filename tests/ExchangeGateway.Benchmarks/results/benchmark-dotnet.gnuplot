$d1024_direct << EOD
1 9105.708 0.181
16 33780.015 1.346
64 41930.258 3.576
EOD
$d1024_proxy_pair << EOD
1 3204.23 0.439
16 8353.653 3.602
64 9906.616 11.648
EOD
$d1024_relay_pair << EOD
1 1980.112 0.674
16 11647.027 2.693
64 14925.492 7.524
EOD
$d1024_gateway_pair << EOD
1 582.238 3.838
16 3046.759 10.515
64 4153.168 31.392
EOD
$d65536_direct << EOD
1 1788.247 1.257
16 3143.349 8.345
64 3035.879 29.275
EOD
$d65536_proxy_pair << EOD
1 839.691 1.816
16 1283.452 18.837
64 1583.364 63.368
EOD
$d65536_relay_pair << EOD
1 703.036 2.16
16 1133.552 20.915
64 1307.167 72.985
EOD
$d65536_gateway_pair << EOD
1 311.24 5.763
16 729.6 30.714
64 772.127 109.431
EOD
$d1048576_direct << EOD
1 166.249 14.4
16 186.658 159.26
64 194.442 659.48
EOD
$d1048576_proxy_pair << EOD
1 75.299 20.515
16 106.165 190.273
64 117.424 781.883
EOD
$d1048576_relay_pair << EOD
1 74.633 22.596
16 85.292 240.08
64 80.955 958.298
EOD
$d1048576_gateway_pair << EOD
1 44.985 32.797
16 67.291 400.517
64 71.355 1965.039
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full2/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
